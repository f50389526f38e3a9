package org.onewindow.route;

import static org.onewindow.route.Shape.opt;
import static org.onewindow.route.Shape.req;

import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * Builds the animal and plant quarantine application (NX401) the quarantine agency VP receives for its
 * part of a combined declaration.
 *
 * <p>Rule: header data is the declaration's (acceptance date, agent, arrival and routing, currency and
 * rate, consignee, full transport detail with containers and seals, seller, importer, shipping marks);
 * the previously held certificate (原持證件號碼) is the application's {@code tw_Quarantine} statement; each
 * item the agency sees becomes one {@code GoodsShipment/GovernmentAgencyGoodsItem} numbered in the permit
 * by its line there (its position in the application when the declaration gives none), with its commodity,
 * {@code tw_Quarantine} block, measures, origin and packages; the application block is the VP
 * {@code tw_Application}.
 */
final class QuarantineApplicationBuilder extends AgencyMessageBuilder {
    static final String TYPE = "NX401";

    private static final Shape HELD_CERTIFICATE = opt("AdditionalInformation", req("StatementDescription"));
    private static final Shape TRANSPORT = req("BorderTransportMeans", opt("ArrivalDateTime"), req("TypeCode"),
            opt("Itinerary", req("RoutingCountryCode")).upTo(99));
    private static final Shape CURRENCY = req("CurrencyExchange", req("CurrencyTypeCode"), opt("RateNumeric"));
    private static final Shape CONSIGNEE = opt("Consignee", opt("ID"), req("Name"), opt("tw_ChineseName"), opt("tw_TypeCode"),
            req("Address", req("Line"), opt("tw_ChineseLine")));
    private static final Shape CONSIGNMENT = opt("Consignment", opt("ArrivalTransportMeans", req("TypeCode")),
            opt("BorderTransportMeans", opt("ID"), opt("JourneyID")), opt("GoodsLocation", req("ID")),
            opt("LoadingLocation", req("ID")), opt("TransportContractDocument", req("ID"), req("TypeCode")).upTo(2),
            opt("TransportEquipment", opt("CharacteristicCode"), opt("ID"), opt("tw_UsedCapacityCode"),
                    opt("tw_Seal", req("tw_SealID")).upTo(10)).upTo(9999));
    private static final Shape CURRENT_PROCEDURE = opt("GovernmentProcedure", req("CurrentCode"));
    private static final Shape QUARANTINE = opt("tw_Quarantine", opt("tw_ObjectFeature"), opt("tw_Treatment"),
            opt("AdditionalDocument", req("tw_SlaughterDateTime")).upTo(5),
            opt("AdditionalInformation", req("tw_PackingHouse")).upTo(5),
            opt("Packaging", req("tw_PackingDateTime")).upTo(5),
            opt("tw_Animal", opt("tw_AgeMonthNumeric"), opt("tw_AgeYearNumeric"), opt("tw_FemaleQuantity"),
                    opt("tw_MaleQuantity"), opt("tw_MicrochipID"), opt("tw_Vaccination")));
    private static final Shape MEASURE = req("GoodsMeasure", req("NetWeightMeasure"), req("TariffQuantity"), req("tw_UnitCode"));
    private static final Shape ORIGIN = opt("Origin", req("CountryCode"));
    private static final Shape STATISTICS = opt("tw_GoodsStatisticalMeasure", opt("tw_StatisticalUnitCode"), opt("tw_TariffQuantity"));
    private static final Shape SELLER = opt("Seller", req("Name"), opt("tw_ChineseName"),
            req("Address", opt("CountryCode"), req("Line"), opt("tw_ChineseLine")));
    private static final Shape IMPORTER = opt("Importer", req("ID"), req("Name"), req("tw_ChineseName"), req("tw_TypeCode"),
            req("Address", req("Line"), opt("tw_ChineseLine")), opt("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape MARKS = opt("Packaging", req("MarksNumbers"));
    private static final Shape DOCUMENTS = opt("AdditionalDocument", opt("ID"), opt("tw_Content"), opt("tw_ImageFileFormat"),
            opt("tw_ImageFileName"), opt("TypeCode"), opt("ResponsibleGovernmentAgency", req("ID"))).upTo(99);
    private static final Shape REQUESTS = opt("AdditionalInformation", opt("StatementDescription"), opt("tw_ProvedPaper"));
    private static final Shape APPLICANT_AGENT = opt("Agent", req("ID"), req("Name"), req("tw_TypeCode"),
            opt("Address", req("tw_ChineseLine")), opt("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape DELEGATION = opt("tw_AuthorizedInformation", opt("AdditionalDocument", req("ID")));

    QuarantineApplicationBuilder() {
        super(TYPE);
    }

    @Override
    void fill(Element root, Derivation d) {
        copy(root, "AcceptanceDateTime", d.root());
        identification(root, d);
        permit(root, d);
        HELD_CERTIFICATE.copyFrom(root, d.application("tw_Quarantine"));
        AGENT.copyFrom(root, d.root());
        TRANSPORT.copyFrom(root, d.root());
        CURRENCY.copyFrom(root, d.root());
        goodsShipment(Dom.append(root, "GoodsShipment"), d);
        IMPORTER.copy(root, importer(root, d));
        MARKS.copyFrom(root, d.root());
        application(Dom.append(root, "tw_Application"), d);
    }

    private static void goodsShipment(Element shipment, Derivation d) {
        Element source = d.declaration().goodsShipment();
        copy(shipment, "ExitDateTime", source);
        copy(shipment, "tw_ItemChargeAmount", source);
        CONSIGNEE.copyFrom(shipment, source);
        CONSIGNMENT.copyFrom(shipment, source);
        String permitId = AgencyMessageBuilder.text(d.application(), "tw_ID");
        int position = 0;
        for (Element item : d.items()) {
            Element target = Dom.append(shipment, "GovernmentAgencyGoodsItem");
            copy(target, "SequenceNumeric", item);
            Dom.appendText(Dom.append(target, "AdditionalDocument"), "tw_SequenceNumeric",
                    DerivedValues.permitItemNumber(item, permitId, ++position));
            ITEM_NOTES.copyEach(target, item);
            commodity(Dom.append(target, "Commodity"), item);
            MEASURE.copyFrom(target, item);
            ORIGIN.copyFrom(target, item);
            packaging(target, item);
            STATISTICS.copyFrom(target, item);
        }
        SELLER.copyFrom(shipment, source);
    }

    private static void commodity(Element target, Element item) {
        Element source = Dom.child(item, "Commodity").orElseThrow();
        copy(target, "Description", source);
        copy(target, "tw_ChineseDescription", source);
        tariffCode(target, item);
        DUTY_BASE.copyFrom(target, source);
        CURRENT_PROCEDURE.copyFrom(target, source);
        // InvoiceLine/ItemChargeAmount (離岸價格, NTD) has no item-level source in NX5105 and is optional: left out.
        QUARANTINE.copyFrom(target, source);
    }

    private static void application(Element target, Derivation d) {
        Element app = d.application();
        copyOr(target, "tw_TypeCode", app, () -> DerivedValues.QUARANTINE_APPLICATION_TYPE);
        DOCUMENTS.copyEach(target, app);
        REQUESTS.copyFrom(target, app);
        APPLICANT_AGENT.copyFrom(target, app);
        contactOffice(target, d);
        paymentAndAppointment(target, d);
        DELEGATION.copyFrom(target, app);
    }
}
