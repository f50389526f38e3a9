package org.onewindow.demo;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the replies of a demo food (CD), liquor (DN) or quarantine (VP) agency to one application
 * (NX601, NX301_DN, NX401): NX901 received, NX902 notice, and the final result NX602 / NX302_DN / NX402.
 *
 * <p>Every reply carries the declaration number in {@code Declaration/ID} and the application's message
 * reference (the received {@code Declaration/FunctionalReferenceID}) in
 * {@code Declaration/PreviousDocument/tw_FunctionalReferenceID} (原訊息編號). Item results go into
 * {@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem}: NX901 every item with
 * {@code Status/NameCode} {@value #PASSED}; NX402 every item with {@code Status/NameCode} {@value #PASSED}
 * or {@value #FAILED}; NX302_DN every item, failed ones with {@code Error/ValidationCode}
 * {@value #FAILURE_REASON}; NX602 only failed items (its items must carry an error). The result's
 * {@code Status/NameCode} is {@value #PASSED} or {@value #FAILED}.
 *
 * <p>Numbers the agency assigns are derived from the declaration and application: the receipt number
 * (收件編號) is the agency code, {@code P} and 12 digits; the permit number (輸出入許可文件號碼) is the
 * application's own when it names one, else the agency code and 12 digits; the NX902 fee reference
 * {@code F} and 10 digits.
 */
final class AgencyReplies {
    static final String PASSED = "Y";
    static final String FAILED = "N";
    /** Reason code (不合格原因代碼) of an item that failed the demo inspection. */
    static final String FAILURE_REASON = "D01";
    /** NX902 notice code (通知代碼): inspection fee (and the sampling appointment). */
    static final String FEE_NOTICE = "FE";
    /** NX902 sampling period (取樣時段): morning. */
    static final String SAMPLING_PERIOD = "A";
    /** NX902 inspection fee, New Taiwan dollars. */
    static final String INSPECTION_FEE = "1500";
    /** The results' Response/FunctionCode (a new message), and NX901/NX902's when the application has none. */
    static final String NEW_MESSAGE = "9";

    /** The result message type answering each application type. */
    static final Map<String, String> RESULT_TYPE = Map.of("NX601", "NX602", "NX301_DN", "NX302_DN", "NX401", "NX402");

    private static final int CONTENT_MAX = 512;
    private static final int MAX_ITEMS = 9999;

    private final Received received;
    private final Set<Integer> failed;
    private final String text;
    private final Instant now;
    private final Function<String, String> namespaces;
    private final String office;
    private final String processNumber;
    private final String permitNumber;

    /**
     * @param received   the application
     * @param failed     the items that fail (empty unless the outcome is a failure)
     * @param text       the remark for the notice, the failed items and the error
     * @param now        issue time of the replies
     * @param namespaces message type → namespace of the version the hub supports
     */
    AgencyReplies(Received received, List<Integer> failed, String text, Instant now, Function<String, String> namespaces) {
        this.received = received;
        this.failed = new HashSet<>(failed);
        this.text = text;
        this.now = now;
        this.namespaces = namespaces;
        String agency = received.agency();
        this.office = office(received);
        String seed = received.declarationNo() + "|" + received.reference();
        this.processNumber = agency + "P" + DemoValues.digits(12, "process", seed);
        String permit = received.text("AdditionalDocument", "ID");
        this.permitNumber = permit != null && permit.length() == 14 ? permit : agency + DemoValues.digits(12, "permit", seed);
    }

    /** The agency's office: the application's 受理單位 (tw_Application/ContactOffice/ID), else the agency code. */
    static String office(Received received) {
        String contactOffice = received.text("tw_Application", "ContactOffice", "ID");
        return contactOffice != null ? contactOffice : received.agency();
    }

    /** NX901: the application is received; every item has status Y. */
    Document receivedNotice() {
        Element response = noticeHead("NX901", PASSED);
        Element declaration = headOfAgencyDeclaration(response, "Application received by the demo agency " + received.agency());
        Element goods = append(declaration, "GoodsShipment");
        appendText(append(goods, "AdditionalDocument"), "ID", permitNumber);
        for (Integer item : items()) {
            appendText(append(goodsItem(goods, item), "Status"), "NameCode", PASSED);
        }
        tailOfAgencyDeclaration(declaration);
        return response.getOwnerDocument();
    }

    /** NX902: sampling two days from now, an inspection fee, and the rule's text. */
    Document inspectionNotice() {
        Element response = noticeHead("NX902", FEE_NOTICE);
        Element sampling = append(response, "tw_Sampling");
        appendText(sampling, "tw_PeriodCode", SAMPLING_PERIOD);
        appendText(sampling, "tw_SamplingDate", DemoValues.date(now, 2));
        Element declaration = headOfAgencyDeclaration(response, text);
        Element payment = append(append(declaration, "DutyTaxFee"), "Payment");
        appendText(payment, "PaymentAmount", INSPECTION_FEE);
        appendText(payment, "ReferenceID", "F" + DemoValues.digits(10, "fee", received.declarationNo(), received.reference()));
        appendText(append(append(declaration, "GoodsShipment"), "AdditionalDocument"), "ID", permitNumber);
        tailOfAgencyDeclaration(declaration);
        return response.getOwnerDocument();
    }

    /** NX901/NX902 Response up to its status: IssueDateTime, ContactOffice/ID (the agency's office), Status/NameCode. */
    private Element noticeHead(String type, String status) {
        Document doc = Dom.newDocument(namespaces.apply(type), "Response");
        Element response = doc.getDocumentElement();
        appendText(response, "IssueDateTime", DemoValues.dateTime(now));
        appendText(append(response, "ContactOffice"), "ID", office);
        appendText(append(response, "Status"), "NameCode", status);
        return response;
    }

    /** The final result for the application's type: Y when no item failed, else N. */
    Document result() {
        String type = RESULT_TYPE.get(received.messageType());
        if (type == null) {
            throw new IllegalArgumentException("No result message answers " + received.messageType());
        }
        return switch (type) {
            case "NX602" -> foodResult();
            case "NX302_DN" -> liquorResult();
            default -> quarantineResult();
        };
    }

    /** NX602: only failed items are listed, each with its reason. */
    private Document foodResult() {
        Element response = resultHead("NX602");
        Element goods = resultDeclaration(response, null);
        for (Integer item : items()) {
            if (failed.contains(item)) {
                failureReason(goodsItem(goods, item));
            }
        }
        resultTail(goods, false);
        return response.getOwnerDocument();
    }

    /** NX302_DN: every item; failed ones with their reason. */
    private Document liquorResult() {
        Element response = resultHead("NX302_DN");
        Element goods = resultDeclaration(response, null);
        for (Integer item : items()) {
            Element e = goodsItem(goods, item);
            if (failed.contains(item)) {
                failureReason(e);
            }
        }
        resultTail(goods, true);
        return response.getOwnerDocument();
    }

    /** NX402: every item with status Y or N; the receipt number and office head the response. */
    private Document quarantineResult() {
        Element response = resultHead("NX402");
        Element goods = resultDeclaration(response, received.text("AcceptanceDateTime"));
        for (Integer item : items()) {
            Element status = append(goodsItem(goods, item), "Status");
            appendText(status, "NameCode", failed.contains(item) ? FAILED : PASSED);
            if (failed.contains(item)) {
                appendText(append(status, "AdditionalInformation"), "Content", DemoValues.fit(text, CONTENT_MAX));
            }
        }
        resultTail(goods, true);
        return response.getOwnerDocument();
    }

    /** A GovernmentAgencyGoodsItem of {@code goods} numbered {@code item} (SequenceNumeric); returns it. */
    private static Element goodsItem(Element goods, Integer item) {
        Element e = append(goods, "GovernmentAgencyGoodsItem");
        appendText(e, "SequenceNumeric", item.toString());
        return e;
    }

    /** A failed item's remark (the rule's text) and reason code {@value #FAILURE_REASON} (NX602, NX302_DN). */
    private void failureReason(Element goodsItem) {
        appendText(append(goodsItem, "AdditionalInformation"), "Content", DemoValues.fit(text, CONTENT_MAX));
        appendText(append(goodsItem, "Error"), "ValidationCode", FAILURE_REASON);
    }

    /** Response/FunctionCode, IssueDateTime, (NX402: receipt number and office,) Status. */
    private Element resultHead(String type) {
        Document doc = Dom.newDocument(namespaces.apply(type), "Response");
        Element response = doc.getDocumentElement();
        appendText(response, "FunctionCode", NEW_MESSAGE);
        appendText(response, "IssueDateTime", DemoValues.dateTime(now));
        if (type.equals("NX402")) {
            appendText(append(response, "AdditionalInformation"), "tw_ProcessNumber", processNumber);
            appendText(append(response, "ContactOffice"), "ID", office);
        }
        appendText(append(response, "Status"), "NameCode", failed.isEmpty() ? PASSED : FAILED);
        return response;
    }

    /** Declaration with (AcceptanceDateTime,) ID, Agent and GoodsShipment/AdditionalDocument; returns GoodsShipment. */
    private Element resultDeclaration(Element response, String acceptance) {
        Element declaration = append(response, "Declaration");
        appendText(declaration, "AcceptanceDateTime", acceptance);
        appendText(declaration, "ID", received.declarationNo());
        copyBrokerBox(declaration);
        Element goods = append(declaration, "GoodsShipment");
        appendText(append(goods, "AdditionalDocument"), "ID", permitNumber);
        return goods;
    }

    /** PreviousDocument and tw_Application (its type code is required in NX302_DN and NX402). */
    private void resultTail(Element goods, boolean typeCodeRequired) {
        Element declaration = (Element) goods.getParentNode();
        appendText(append(declaration, "PreviousDocument"), "tw_FunctionalReferenceID", received.reference());
        String typeCode = received.text("tw_Application", "tw_TypeCode");
        Element agent = DemoValues.at(received.root(), "tw_Application", "Agent");
        String agentId = agent == null ? null : Dom.text(agent, "ID");
        if (typeCode == null && agentId == null && !typeCodeRequired) {
            return;
        }
        Element application = append(declaration, "tw_Application");
        appendText(application, "tw_TypeCode", typeCode);
        if (agentId != null && !agentId.isEmpty()) {
            Element copy = append(application, "Agent");
            appendText(copy, "ID", agentId);
            DemoValues.copyLeaves(copy, agent, "tw_TypeCode");
        }
    }

    /** NX901/NX902 Declaration up to Agent: AcceptanceDateTime, FunctionCode, ID, AdditionalInformation. */
    private Element headOfAgencyDeclaration(Element response, String content) {
        Element declaration = append(response, "Declaration");
        appendText(declaration, "AcceptanceDateTime", DemoValues.dateTime(now));
        String functionCode = received.text("FunctionCode");
        appendText(declaration, "FunctionCode", functionCode != null ? functionCode : NEW_MESSAGE);
        appendText(declaration, "ID", received.declarationNo());
        Element info = append(declaration, "AdditionalInformation");
        appendText(info, "Content", DemoValues.fit(content, CONTENT_MAX));
        appendText(info, "tw_ProcessNumber", processNumber);
        copyBrokerBox(declaration);
        return declaration;
    }

    /** NX901/NX902 Declaration after GoodsShipment: PreviousDocument, the agency, tw_Application. */
    private void tailOfAgencyDeclaration(Element declaration) {
        appendText(append(declaration, "PreviousDocument"), "tw_FunctionalReferenceID", received.reference());
        appendText(append(declaration, "ResponsibleGovernmentAgency"), "ID", received.agency());
        Element application = append(declaration, "tw_Application");
        appendText(application, "tw_TypeCode", received.text("tw_Application", "tw_TypeCode"));
        String agentId = received.text("tw_Application", "Agent", "ID");
        if (agentId != null) {
            appendText(append(application, "Agent"), "ID", agentId);
        }
        if (received.importer() != null) {
            appendText(append(application, "tw_Applicant"), "tw_ID", received.importer());
        }
    }

    /** Declaration/Agent, the broker's box, when the application names it. */
    private void copyBrokerBox(Element declaration) {
        DemoValues.copyGroup(declaration, "Agent", DemoValues.at(received.root(), "Agent"), "ID", "RoleCode", "tw_SubBoxID");
    }

    private List<Integer> items() {
        List<Integer> all = received.itemNumbers();
        return all.size() <= MAX_ITEMS ? all : all.subList(0, MAX_ITEMS);
    }
}
