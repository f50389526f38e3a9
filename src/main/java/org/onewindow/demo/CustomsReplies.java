package org.onewindow.demo;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the replies of demo customs to a combined import declaration (NX5105): N5107 further action
 * (C2 document check, C3 physical inspection), N5110 duties payable, N5116 release notice. Customs has
 * no application reference; every reply carries the declaration number in {@code Declaration/ID} and the
 * clearance method (通關方式) {@code C1}, {@code C2} or {@code C3} in {@code Response/Status/NameCode}.
 *
 * <p>Everything else is taken from the declaration: broker box, transport, bills of lading, packages,
 * importer, duties, and the first item's tariff code where a reply has room for one item only. N5107
 * lists the items the decision is about ({@code GovernmentAgencyGoodsItem}, at most 99) with their
 * import-regulation codes ({@code AdditionalInformation/StatementCode}) and {@code Error/ValidationCode}
 * (應補辦事項) {@value #DOCUMENTS_DUE} for C2 or {@value #INSPECTION_DUE} for C3, and a deadline ({@code LimitDateTime}) seven days on. N5110 asks for the declared total duties
 * within fourteen days under the payment reference {@code <declaration number, blanks as 0>}.
 */
final class CustomsReplies {
    /** N5107 item code: documents to supply (C2). */
    static final String DOCUMENTS_DUE = "DOC";
    /** N5107 item code: goods to present for inspection (C3). */
    static final String INSPECTION_DUE = "INS";
    /** Import, as N5107's GovernmentProcedure/tw_TransportTypeCode (進出口別) says it. */
    static final String IMPORT = "I";
    static final String NEW_MESSAGE = "9";

    private static final int N5107_ITEMS = 99;
    private static final int N5107_CONTRACTS = 4;
    private static final int CONTRACTS = 2;
    private static final int DUTY_LINES = 9;
    private static final int REGULATION_CODES = 9;

    private final Received received;
    private final Element declaration;
    private final Instant now;
    private final Function<String, String> namespaces;

    CustomsReplies(Received received, Instant now, Function<String, String> namespaces) {
        this.received = received;
        this.declaration = received.root();
        this.now = now;
        this.namespaces = namespaces;
    }

    /** The customs office: the first two characters of the declaration number. */
    static String office(Received received) {
        String no = received.declarationNo();
        String office = no == null || no.length() < 2 ? "" : no.substring(0, 2).strip();
        return office.isEmpty() ? DemoAgencyRules.CUSTOMS : office;
    }

    /** True when the declaration's total duties (Declaration/DutyTaxFee/tw_TotalDutyTaxFeeAmount) are above zero. */
    boolean hasDutiesToPay() {
        String total = received.text("DutyTaxFee", "tw_TotalDutyTaxFeeAmount");
        try {
            return total != null && new BigDecimal(total).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** N5107: C2 or C3, with the items concerned. */
    Document furtherAction(String selection, List<Integer> items) {
        Document doc = Dom.newDocument(namespaces.apply("N5107"), "Response");
        Element response = doc.getDocumentElement();
        appendText(response, "IssueDateTime", DemoValues.dateTime(now));
        appendText(append(response, "AdditionalInformation"), "LimitDateTime", DemoValues.date(now, 7));
        appendText(append(response, "ContactOffice"), "ID", office(received));
        appendText(append(response, "Status"), "NameCode", selection);
        Element out = append(response, "Declaration");
        DemoValues.copyLeaves(out, declaration, "ID", "TotalPackageQuantity", "TypeCode");
        brokerBox(out);
        Element transport = append(out, "BorderTransportMeans");
        DemoValues.copyLeaves(transport, at("BorderTransportMeans"), "ArrivalDateTime", "TypeCode");
        Element goods = append(out, "GoodsShipment");
        Element consignment = append(goods, "Consignment");
        Element source = at("GoodsShipment", "Consignment");
        DemoValues.copyLeaves(consignment, source, "tw_ManifestSerialNumber");
        Element vessel = at("GoodsShipment", "Consignment", "BorderTransportMeans");
        if (vessel != null && Dom.text(vessel, "JourneyID") != null) {
            DemoValues.copyLeaves(append(consignment, "BorderTransportMeans"), vessel, "JourneyID", "tw_Registration");
        }
        DemoValues.copyGroup(consignment, "Carrier", at("GoodsShipment", "Consignment", "Carrier"), "ID");
        contracts(consignment, N5107_CONTRACTS);
        String code = "C3".equals(selection) ? INSPECTION_DUE : DOCUMENTS_DUE;
        Map<Integer, Element> declared = declaredItems();
        for (Integer item : items.size() <= N5107_ITEMS ? items : items.subList(0, N5107_ITEMS)) {
            Element e = append(goods, "GovernmentAgencyGoodsItem");
            appendText(e, "SequenceNumeric", item.toString());
            for (String regulation : regulationCodes(declared.get(item))) {
                appendText(append(e, "AdditionalInformation"), "StatementCode", regulation);
            }
            appendText(append(e, "Error"), "ValidationCode", code);
        }
        appendText(append(out, "GovernmentProcedure"), "tw_TransportTypeCode", IMPORT);
        DemoValues.copyGroup(out, "Packaging", at("Packaging"), "TypeCode");
        return doc;
    }

    /** N5110: the declared duties, payable within fourteen days. */
    Document dutiesNotice(String selection) {
        Document doc = Dom.newDocument(namespaces.apply("N5110"), "Response");
        Element response = doc.getDocumentElement();
        appendText(append(response, "Status"), "NameCode", selection);
        Element out = append(response, "Declaration");
        DemoValues.copyLeaves(out, declaration, "ID", "TotalPackageQuantity", "TypeCode");
        brokerBox(out);
        DemoValues.copyGroup(out, "BorderTransportMeans", at("BorderTransportMeans"), "ArrivalDateTime");
        Element duty = append(out, "DutyTaxFee");
        DemoValues.copyLeaves(duty, at("DutyTaxFee"), "tw_TotalDutyTaxFeeAmount");
        Element payment = append(duty, "Payment");
        appendText(payment, "DueDateTime", DemoValues.date(now, 14));
        appendText(payment, "ReferenceID", received.declarationNo().replace(' ', '0'));
        Element goods = append(out, "GoodsShipment");
        Element consignment = append(goods, "Consignment");
        DemoValues.copyGroup(consignment, "BorderTransportMeans", at("GoodsShipment", "Consignment", "BorderTransportMeans"), "ID", "JourneyID");
        contracts(consignment, CONTRACTS);
        DemoValues.copyGroup(goods, "CustomsValuation", at("GoodsShipment", "CustomsValuation"), "OtherChargeDeductionAmount");
        for (Element line : DemoValues.atMost(DUTY_LINES, declaration, "GoodsShipment", "DutyTaxFee")) {
            DemoValues.copyGroup(goods, "DutyTaxFee", line, "AdValoremTaxBaseAmount", "TypeCode");
        }
        tariffCode(goods);
        importer(out, "ID", "Name", "tw_ChineseName", "tw_TypeCode");
        DemoValues.copyGroup(out, "Packaging", at("Packaging"), "TypeCode");
        return doc;
    }

    /** N5116: released now, all declared packages. */
    Document release(String selection) {
        Document doc = Dom.newDocument(namespaces.apply("N5116"), "Response");
        Element response = doc.getDocumentElement();
        appendText(response, "FunctionCode", NEW_MESSAGE);
        Element status = append(response, "Status");
        appendText(status, "NameCode", selection);
        appendText(status, "ReleaseDateTime", DemoValues.dateTime(now));
        appendText(status, "tw_TotalPackageQuantity", received.text("TotalPackageQuantity"));
        Element out = append(response, "Declaration");
        DemoValues.copyLeaves(out, declaration, "ID", "TotalGrossMassMeasure", "TotalPackageQuantity", "TypeCode");
        brokerBox(out);
        DemoValues.copyGroup(out, "BorderTransportMeans", at("BorderTransportMeans"), "ArrivalDateTime", "TypeCode");
        Element goods = append(out, "GoodsShipment");
        Element consignment = append(goods, "Consignment");
        Element source = at("GoodsShipment", "Consignment");
        DemoValues.copyLeaves(consignment, source, "tw_ManifestSerialNumber");
        Element vessel = at("GoodsShipment", "Consignment", "BorderTransportMeans");
        if (DemoValues.copyGroup(consignment, "BorderTransportMeans", vessel, "ID", "JourneyID")) {
            DemoValues.copyLeaves(Dom.child(consignment, "BorderTransportMeans").orElseThrow(), vessel, "tw_Registration");
        }
        DemoValues.copyGroup(consignment, "GoodsLocation", at("GoodsShipment", "Consignment", "GoodsLocation"), "ID");
        contracts(consignment, CONTRACTS);
        tariffCode(goods);
        importer(out, "ID", "Name", "tw_ChineseName", "tw_CustomsControlID", "tw_TypeCode");
        Element packaging = append(out, "Packaging");
        DemoValues.copyLeaves(packaging, at("Packaging"), "MarksNumbers", "tw_Combination", "TypeCode");
        return doc;
    }

    /** The declaration's goods items by sequence number. */
    private Map<Integer, Element> declaredItems() {
        Map<Integer, Element> byNumber = new HashMap<>();
        for (Element item : Dom.all(declaration, "GoodsShipment", "GovernmentAgencyGoodsItem")) {
            Integer number = Dom.wholeNumber(item, "SequenceNumeric");
            if (number != null) {
                byNumber.putIfAbsent(number, item);
            }
        }
        return byNumber;
    }

    /** An item's import-regulation codes (輸入規定, Commodity/AdditionalDocument/ID), the 3-character ones, at most 9. */
    private static List<String> regulationCodes(Element item) {
        if (item == null) {
            return List.of();
        }
        return Dom.all(item, "Commodity", "AdditionalDocument").stream()
                .map(document -> Dom.text(document, "ID"))
                .filter(code -> code != null && code.length() == 3)
                .limit(REGULATION_CODES)
                .toList();
    }

    private void brokerBox(Element out) {
        DemoValues.copyGroup(out, "Agent", at("Agent"), "ID", "RoleCode", "tw_SubBoxID");
    }

    private void contracts(Element consignment, int max) {
        for (Element contract : DemoValues.atMost(max, declaration, "GoodsShipment", "Consignment", "TransportContractDocument")) {
            DemoValues.copyGroup(consignment, "TransportContractDocument", contract, "ID", "TypeCode");
        }
    }

    private void importer(Element out, String... leaves) {
        DemoValues.copyLeaves(append(out, "Importer"), at("Importer"), leaves);
    }

    /**
     * GovernmentAgencyGoodsItem/Commodity/Classification/ID (an11): the first 11-character tariff code of
     * the declaration's items, else the first code padded with zeros.
     */
    private void tariffCode(Element goods) {
        String chosen = null;
        for (Element classification : Dom.all(declaration, "GoodsShipment", "GovernmentAgencyGoodsItem", "Commodity", "Classification")) {
            String code = Dom.text(classification, "ID");
            if (code != null && code.length() == 11) {
                chosen = code;
                break;
            }
            if (chosen == null && code != null && !code.isEmpty()) {
                chosen = (code + "0".repeat(11)).substring(0, 11);
            }
        }
        appendText(append(append(append(goods, "GovernmentAgencyGoodsItem"), "Commodity"), "Classification"), "ID",
                chosen != null ? chosen : "0".repeat(11));
    }

    private Element at(String... path) {
        return DemoValues.at(declaration, path);
    }
}
