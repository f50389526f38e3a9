package org.onewindow.route;

import static org.onewindow.route.Shape.opt;
import static org.onewindow.route.Shape.req;

import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * Builds the food inspection application (NX601) the food agency CD receives for its part of a combined
 * declaration.
 *
 * <p>Rule: header data is the declaration's (agent, arrival, transport, currency, seller, importer);
 * each item the agency sees becomes one {@code GoodsShipment/GovernmentAgencyGoodsItem} with its
 * commodity, {@code tw_Food}, measures and lots; NX601 has room for one brand, origin and foreign
 * manufacturer, so {@code Consignment} describes the application's first item (the first of its items
 * that declares a manufacturer, else the seller stands in); the application block is the CD
 * {@code tw_Application}, whose {@code tw_LocalManufacturer} (國內負責廠商) defaults to the importer.
 */
final class FoodInspectionBuilder extends AgencyMessageBuilder {
    static final String TYPE = "NX601";

    private static final Shape ORIGIN = req("Origin", req("CountryCode"));
    private static final Shape MANUFACTURER = req("Manufacturer", opt("ID"), req("Name"),
            opt("Address", opt("CountrySubDivisionID"), opt("CountrySubDivisionName"), opt("Line")),
            opt("Communication", req("ID"), req("TypeID")), opt("Contact", req("Name")));
    private static final Shape CURRENCY = req("CurrencyExchange", req("CurrencyTypeCode"));
    private static final Shape CONSIGNMENT = req("Consignment", opt("tw_ManifestSerialNumber"),
            opt("BorderTransportMeans", opt("ID"), opt("JourneyID")), req("GoodsLocation", req("ID")),
            req("LoadingLocation", req("ID")), opt("TransportContractDocument", req("ID"), req("TypeCode")).upTo(2),
            opt("TransportEquipment", req("ID")).upTo(9999));
    private static final Shape HANDLING = req("Handling", req("InstructionsCode")).upTo(9);
    private static final Shape FOOD = opt("tw_Food", opt("tw_PHValueNumeric"), opt("tw_SterilizationValueNumeric"),
            opt("Constituent", req("ElementName"), opt("ElementPercentNumeric")).upTo(99));
    private static final Shape MEASURE = req("GoodsMeasure", req("NetWeightMeasure"), req("TariffQuantity"), req("tw_UnitCode"));
    private static final Shape LOTS = opt("tw_ShippingIdentification", opt("tw_LotNumberID"),
            opt("tw_ProductBestBeforeDateTime"), opt("tw_ProductManufacturedDate")).upTo(99);
    private static final Shape SELLER = req("Seller", opt("ID"), req("Name"), opt("tw_ChineseName"), opt("tw_TypeCode"),
            req("Address", req("CountryCode"), req("Line"), opt("tw_ChineseLine")),
            opt("Communication", req("ID"), req("TypeID")), opt("Contact", req("Name")));
    private static final Shape IMPORTER = req("Importer", req("ID"), req("Name"), req("tw_ChineseName"), req("tw_TypeCode"),
            req("Address", req("Line"), req("tw_ChineseLine")), req("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape DOCUMENTS = opt("AdditionalDocument", opt("ID"), opt("tw_ImageFileFormat"),
            opt("tw_ImageFileName"), opt("TypeCode"), opt("ResponsibleGovernmentAgency", req("ID"))).upTo(99);
    private static final Shape REQUESTS = opt("AdditionalInformation", opt("StatementDescription"),
            opt("tw_DeductionSample"), opt("tw_ProvedPaper"), opt("tw_ReturnSample"));
    private static final Shape APPLICANT_AGENT = opt("Agent", req("ID"), opt("Name"), req("tw_TypeCode"),
            opt("Address", req("tw_ChineseLine")), opt("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape LOCAL_MANUFACTURER = req("tw_LocalManufacturer", req("tw_ChineseName"),
            req("Address", req("tw_ChineseLine")), req("Communication", req("ID")));

    FoodInspectionBuilder() {
        super(TYPE);
    }

    @Override
    void fill(Element root, Derivation d) {
        inspectionHead(root, d);
        productConsignment(root, d);
        CURRENCY.copyFrom(root, d.root());
        goodsShipment(Dom.append(root, "GoodsShipment"), d);
        IMPORTER.copy(root, importer(root, d));
        application(Dom.append(root, "tw_Application"), d);
    }

    /** Consignment: brand (商標) and origin of the first item, and the foreign manufacturer. */
    private static void productConsignment(Element root, Derivation d) {
        Element consignment = Dom.append(root, "Consignment");
        Element product = Dom.append(consignment, "ConsignmentItem");
        Element first = d.firstItem();
        copyOr(Dom.append(product, "Commodity"), "Name", Dom.child(first, "Commodity").orElseThrow(),
                () -> DerivedValues.brand(first));
        ORIGIN.copyFrom(product, first);
        Element manufacturer = null;
        for (Element item : d.items()) {
            manufacturer = Dom.child(item, "Manufacturer").orElse(null);
            if (manufacturer != null) {
                break;
            }
        }
        MANUFACTURER.copyFirst(Dom.append(consignment, "GovernmentAgencyGoodsItem"),
                manufacturer, d.declaration().shipment("Seller"));
    }

    private static void goodsShipment(Element shipment, Derivation d) {
        copy(shipment, "ExitDateTime", d.declaration().goodsShipment());
        CONSIGNMENT.copyFrom(shipment, d.declaration().goodsShipment());
        for (Element item : d.items()) {
            Element target = Dom.append(shipment, "GovernmentAgencyGoodsItem");
            copy(target, "SequenceNumeric", item);
            ITEM_NOTES.copyEach(target, item);
            commodity(Dom.append(target, "Commodity"), item, d.declaration());
            MEASURE.copyFrom(target, item);
            LOTS.copyEach(target, item);
        }
        SELLER.copyFrom(shipment, d.declaration().goodsShipment());
    }

    private static void commodity(Element target, Element item, CombinedDeclaration declaration) {
        Element source = Dom.child(item, "Commodity").orElseThrow();
        copy(target, "CommercialCategorizationID", source);
        copy(target, "Description", source);
        copyOr(target, "GoodsGroupNameCode", source, () -> DerivedValues.goodsGroup(item));
        copy(target, "tw_BarCode", source);
        copyOr(target, "tw_ChineseDescription", source, () -> DerivedValues.chineseDescription(item));
        copyOr(target, "tw_EnglishDescription", source, () -> DerivedValues.englishDescription(item));
        copy(target, "tw_TariffCodeExtensionCode", source);
        tariffCode(target, item);
        Element packing = Dom.child(source, "CommodityRelatedPackaging").orElse(null);
        Element targetPacking = Dom.append(target, "CommodityRelatedPackaging");
        copyOr(targetPacking, "PackingMethodDescription", packing, () -> DerivedValues.packingMethod(item, declaration));
        copyOr(targetPacking, "tw_MaterialCode", packing, () -> DerivedValues.UNKNOWN_MATERIAL);
        copy(targetPacking, "tw_Specification", packing);
        copyOr(Dom.append(target, "Constituent"), "ElementDescription",
                Dom.child(source, "Constituent").orElse(null), () -> DerivedValues.constituents(item));
        DUTY_BASE.copyFrom(target, source);
        if (HANDLING.copyEach(target, source) == 0) {
            Dom.appendText(Dom.append(target, "Handling"), "InstructionsCode", DerivedValues.AMBIENT_HANDLING);
        }
        FOOD.copyFrom(target, source);
    }

    private static void application(Element target, Derivation d) {
        Element app = d.application();
        DOCUMENTS.copyEach(target, app);
        REQUESTS.copyFrom(target, app);
        APPLICANT_AGENT.copyFrom(target, app);
        contactOffice(target, d);
        paymentAndAppointment(target, d);
        if (LOCAL_MANUFACTURER.copy(target, d.application("tw_LocalManufacturer")) == null) {
            LOCAL_MANUFACTURER.copy(target, importerAsLocalManufacturer(target, d));
        }
    }

    /** The importer (its Chinese name and address, its telephone) as 國內負責廠商 when the application names none. */
    private static Element importerAsLocalManufacturer(Element target, Derivation d) {
        Element importer = importer(target, d);
        Element local = target.getOwnerDocument().createElementNS(target.getNamespaceURI(), "tw_LocalManufacturer");
        Dom.appendText(local, "tw_ChineseName", Dom.text(importer, "tw_ChineseName"));
        Dom.appendText(Dom.append(local, "Address"), "tw_ChineseLine", Dom.text(importer, "Address", "tw_ChineseLine"));
        String phone = DerivedValues.telephone(importer);
        if (phone != null) {
            Dom.appendText(Dom.append(local, "Communication"), "ID", phone);
        }
        return local;
    }
}
