package org.onewindow.route;

import static org.onewindow.route.Shape.opt;
import static org.onewindow.route.Shape.req;

import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * Builds the liquor inspection application (NX301_DN) the liquor agency DN receives for its part of a
 * combined declaration.
 *
 * <p>Rule: header data is the declaration's; {@code Consignment/ConsignmentItem} (one product: description,
 * product category, packing, origin) describes the application's first item; each item the agency sees
 * becomes one {@code GoodsShipment/GovernmentAgencyGoodsItem} with its commodity and {@code tw_Wine}
 * (酒精成分 and the rest), quantity, foreign manufacturer (the seller stands in where the item names none
 * with an address), packages, statistical quantity (the tariff quantity where none is declared) and lots;
 * the application block is the DN {@code tw_Application} with its {@code tw_Wine} (同意書, 以往進口查驗情形).
 */
final class LiquorInspectionBuilder extends AgencyMessageBuilder {
    static final String TYPE = "NX301_DN";

    private static final Shape ORIGIN = req("Origin", req("CountryCode"));
    private static final Shape CURRENCY = req("CurrencyExchange", req("CurrencyTypeCode"));
    private static final Shape CONSIGNMENT = req("Consignment", req("GoodsLocation", req("ID")),
            req("LoadingLocation", req("ID")), opt("TransportEquipment", req("ID")).upTo(9999));
    private static final Shape SPECIFICATION = opt("CommodityRelatedPackaging", req("tw_Specification"));
    private static final Shape DUTY_BASE_REQUIRED = req("DutyTaxFee", req("AdValoremTaxBaseAmount"));
    private static final Shape WINE = req("tw_Wine", opt("tw_AgeNumeric"), req("tw_AlcoholContentNumeric"),
            opt("tw_BottledDate"), opt("tw_CoverLotNumberAmount"), opt("tw_GeographicRegion"),
            opt("tw_OriginalNonLotNumberAmount"), opt("tw_ProductBestBeforeDateTime"), opt("tw_ProductExpiryDateTime"),
            opt("tw_RemoveLotNumberAmount"), opt("tw_YearNumeric"));
    private static final Shape MEASURE = req("GoodsMeasure", req("TariffQuantity"), req("tw_UnitCode"));
    private static final Shape MANUFACTURER = req("Manufacturer", req("Name"), req("Address", req("Line")));
    private static final Shape STATISTICS = req("tw_GoodsStatisticalMeasure", req("tw_StatisticalUnitCode"), req("tw_TariffQuantity"));
    private static final Shape PRE_BONDED = opt("tw_PreBondedDocument", req("tw_ID"), req("tw_LineNumeric"));
    private static final Shape LOTS = opt("tw_ShippingIdentification", opt("tw_LotNumberID"),
            opt("tw_ProductLotNumberAmount"), opt("tw_ProductManufacturedDate")).upTo(99);
    private static final Shape SELLER = req("Seller", req("Address", req("CountryCode")));
    private static final Shape IMPORTER = req("Importer", req("ID"), req("tw_ChineseName"), req("tw_TypeCode"),
            req("Address", req("tw_ChineseLine")), req("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape DOCUMENTS = opt("AdditionalDocument", opt("ID"), opt("tw_Content"), opt("tw_ImageFileFormat"),
            opt("tw_ImageFileName"), req("TypeCode"), opt("ResponsibleGovernmentAgency", req("ID"))).upTo(99);
    private static final Shape REQUESTS = opt("AdditionalInformation", req("StatementDescription"),
            opt("Address", req("tw_ChineseLine")));
    private static final Shape APPLICANT_AGENT = opt("Agent", req("ID"), req("Name"), req("tw_TypeCode"),
            req("Address", req("tw_ChineseLine")), req("Communication", req("ID"), req("TypeID")).upTo(2));
    private static final Shape BANK_ACCOUNT = opt("BankAccount", req("ID"));
    private static final Shape CONSENT_DOCUMENTS = opt("AdditionalDocument", req("ID")).upTo(10);
    private static final Shape PREVIOUS_PERMIT = opt("PreviousDocument", req("ID"));
    private static final Shape DELEGATION_DOCUMENT = opt("AdditionalDocument", req("ID"));

    LiquorInspectionBuilder() {
        super(TYPE);
    }

    @Override
    void fill(Element root, Derivation d) {
        inspectionHead(root, d);
        product(Dom.append(Dom.append(root, "Consignment"), "ConsignmentItem"), d);
        CURRENCY.copyFrom(root, d.root());
        goodsShipment(Dom.append(root, "GoodsShipment"), d);
        IMPORTER.copy(root, importer(root, d));
        application(Dom.append(root, "tw_Application"), d);
    }

    /** ConsignmentItem: the first item's description, product category, packing and origin. */
    private static void product(Element target, Derivation d) {
        Element first = d.firstItem();
        Element source = Dom.child(first, "Commodity").orElseThrow();
        Element commodity = Dom.append(target, "Commodity");
        copy(commodity, "Description", source);
        copyOr(commodity, "GoodsGroupNameCode", source, () -> DerivedValues.goodsGroup(first));
        packing(Dom.append(commodity, "CommodityRelatedPackaging"), first, d.declaration());
        ORIGIN.copyFrom(target, first);
    }

    private static void goodsShipment(Element shipment, Derivation d) {
        Element seller = d.declaration().shipment("Seller");
        CONSIGNMENT.copyFrom(shipment, d.declaration().goodsShipment());
        for (Element item : d.items()) {
            Element target = Dom.append(shipment, "GovernmentAgencyGoodsItem");
            copy(target, "SequenceNumeric", item);
            ITEM_NOTES.copyEach(target, item);
            commodity(Dom.append(target, "Commodity"), item);
            MEASURE.copyFrom(target, item);
            MANUFACTURER.copyFirst(target, Dom.child(item, "Manufacturer").orElse(null), seller);
            packaging(target, item);
            if (STATISTICS.copyFrom(target, item) == null) {
                // 統計數量: none declared, so the tariff quantity in its unit is the statistical quantity.
                Element statistics = Dom.append(target, "tw_GoodsStatisticalMeasure");
                Dom.appendText(statistics, "tw_StatisticalUnitCode", Dom.text(item, "GoodsMeasure", "tw_UnitCode"));
                Dom.appendText(statistics, "tw_TariffQuantity", Dom.text(item, "GoodsMeasure", "TariffQuantity"));
            }
            PRE_BONDED.copyFrom(target, item);
            LOTS.copyEach(target, item);
        }
        SELLER.copy(shipment, seller);
    }

    private static void commodity(Element target, Element item) {
        Element source = Dom.child(item, "Commodity").orElseThrow();
        copy(target, "tw_ChineseDescription", source);
        copyOr(target, "tw_EnglishDescription", source, () -> DerivedValues.englishDescription(item));
        tariffCode(target, item);
        SPECIFICATION.copyFrom(target, source);
        DUTY_BASE_REQUIRED.copyFrom(target, source);
        if (WINE.copyFrom(target, source) == null) {
            Dom.appendText(Dom.append(target, "tw_Wine"), "tw_AlcoholContentNumeric", DerivedValues.alcoholContent(item));
        }
    }

    private static void packing(Element target, Element item, CombinedDeclaration declaration) {
        Element packing = Dom.path(item, "Commodity", "CommodityRelatedPackaging").orElse(null);
        copyOr(target, "PackingMethodDescription", packing, () -> DerivedValues.packingMethod(item, declaration));
        copyOr(target, "tw_MaterialCode", packing, () -> DerivedValues.UNKNOWN_MATERIAL);
    }

    private static void application(Element target, Derivation d) {
        Element app = d.application();
        copyOr(target, "tw_PurposeCode", app, () -> DerivedValues.LIQUOR_PURPOSE);
        copyOr(target, "tw_TypeCode", app, () -> DerivedValues.LIQUOR_APPLICATION_TYPE);
        DOCUMENTS.copyEach(target, app);
        REQUESTS.copyFrom(target, app);
        APPLICANT_AGENT.copyFrom(target, app);
        BANK_ACCOUNT.copyFrom(target, app);
        paymentAndAppointment(target, d);
        Element authorization = d.application("tw_AuthorizedInformation");
        Element targetAuthorization = Dom.append(target, "tw_AuthorizedInformation");
        copyOr(targetAuthorization, "tw_AuthorizedTypeCode", authorization, () -> DerivedValues.AUTHORIZATION_TYPE);
        DELEGATION_DOCUMENT.copyFrom(targetAuthorization, authorization);
        Element wine = d.application("tw_Wine");
        Element targetWine = Dom.append(target, "tw_Wine");
        if (wine != null) {
            CONSENT_DOCUMENTS.copyEach(targetWine, wine);
        }
        copyOr(Dom.append(targetWine, "GovernmentProcedure"), "PreviousCode",
                wine == null ? null : Dom.child(wine, "GovernmentProcedure").orElse(null),
                () -> DerivedValues.NO_PREVIOUS_INSPECTION);
        PREVIOUS_PERMIT.copyFrom(targetWine, wine);
    }
}
