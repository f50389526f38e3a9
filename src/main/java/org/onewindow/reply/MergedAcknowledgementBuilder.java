package org.onewindow.reply;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the merged acknowledgement, NX5106 (單證合一核覆), once customs and every agency have given
 * their first verdict, and the business-rule rejection of a declaration at admission
 * ({@link MergedVerdict#rejected}).
 *
 * <p><b>Status codes</b> ({@code Status/NameCode}, an..4): {@value #ACCEPTED} accepted / no objection;
 * {@value #REJECTED} refused; a hub error code such as {@code B104} follows {@code N} where the hub
 * itself refused; agencies' item codes are passed on as they gave them (cut to 4 characters).
 *
 * <p>Where each piece goes ({@code Response/…}):
 * <ul>
 *   <li>{@code AdditionalInformation/StatementDescription} (an..35): a one-line summary, e.g.
 *       {@code Accepted: customs, CD, DN}, {@code Rejected: B104, B105}, {@code Rejected by DN}.</li>
 *   <li>{@code Status/NameCode}: the overall verdict, {@code Y} or {@code N}.</li>
 *   <li>{@code Declaration/ID}: the declaration number (exactly 14 characters; see {@link #canCarry}).</li>
 *   <li>{@code Declaration/AdditionalInformation/tw_IssueDateTime}: {@code issuedAt}, Taiwan time.</li>
 *   <li>{@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem} per item any verdict names, in item
 *       order: {@code SequenceNumeric}, then {@code Status} (1..9): first the item's overall code
 *       ({@code Y} when every verdict naming it says {@code Y}, else {@code N}), then each other code
 *       given for it, once.</li>
 *   <li>{@code Declaration/tw_ApplicationResponse}, first one per declaration error (the hub's own
 *       verdict), then one per agency verdict in the order given:
 *     <ul>
 *       <li>{@code AdditionalInformation/Content} (an..512): the full readable text — for a declaration
 *           error {@link Rejection#text()} ({@code <code> <catalogue text>: <detail>}), for an agency its
 *           remark; cut to 512 characters.</li>
 *       <li>{@code ContactOffice/ID} (an..17): who answered — {@value ErrorReplyBuilder#HUB_OFFICE} for
 *           the hub, else the agency id as given ({@code customs}, {@code CD}, …).</li>
 *       <li>{@code Status/NameCode}: {@code Y} or {@code N}; a declaration error adds its code
 *           ({@code N}, {@code B104}).</li>
 *       <li>{@code tw_Application/tw_FunctionCode}: {@value #FUNCTION_CODE} (the filing answered).</li>
 *       <li>{@code tw_Application/GoodsShipment/GovernmentAgencyGoodsItem}: the agency's status per item
 *           ({@code SequenceNumeric}, {@code Status/NameCode}).</li>
 *       <li>{@code tw_Application/PreviousDocument/tw_FunctionalReferenceID}: the application's 訊息編號;
 *           the declaration number for customs and for the hub's declaration errors.</li>
 *       <li>{@code tw_Application/ResponsibleGovernmentAgency/ID} (an2): the agency code ({@code CD},
 *           {@code DN}, {@code VP}, {@code CI}); for customs and the hub, the customs office the
 *           declaration is filed at (its first two characters).</li>
 *     </ul></li>
 * </ul>
 */
public final class MergedAcknowledgementBuilder {
    public static final String TYPE = "NX5106";
    public static final String NAMESPACE = "urn:wco:datamodel:TW:NX5106:R-00-04";
    public static final String ACCEPTED = "Y";
    public static final String REJECTED = "N";
    /** {@code tw_Application/tw_FunctionCode} of every application response: the filing as received. */
    public static final String FUNCTION_CODE = "9";

    private static final int SUMMARY_MAX = 35;
    private static final int CODE_MAX = 4;
    private static final int ITEM_STATUS_MAX = 9;
    private static final int CONTACT_MAX = 17;
    private static final int REFERENCE_MAX = 20;
    private static final int CONTENT_MAX = 512;

    private MergedAcknowledgementBuilder() {
    }

    /** True when an NX5106 can name this declaration; otherwise answer with {@link ErrorReplyBuilder#nx903}. */
    public static boolean canCarry(String declarationNo) {
        return declarationNo != null && declarationNo.length() == 14;
    }

    public static Document nx5106(MergedVerdict verdict, Instant issuedAt) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!canCarry(verdict.declarationNo())) {
            throw new IllegalArgumentException("An NX5106 needs a 14-character declaration number, not '"
                    + verdict.declarationNo() + "'; answer with an NX903");
        }
        Document doc = Dom.newDocument(NAMESPACE, "Response");
        Element response = doc.getDocumentElement();
        appendText(append(response, "AdditionalInformation"), "StatementDescription", ReplyText.fit(summary(verdict), SUMMARY_MAX));
        appendText(append(response, "Status"), "NameCode", verdict.accepted() ? ACCEPTED : REJECTED);

        Element declaration = append(response, "Declaration");
        appendText(declaration, "ID", verdict.declarationNo());
        appendText(append(declaration, "AdditionalInformation"), "tw_IssueDateTime", ReplyText.dateTime(issuedAt));
        SortedMap<Integer, Set<String>> items = itemCodes(verdict.agencies());
        if (!items.isEmpty()) {
            Element shipment = append(declaration, "GoodsShipment");
            items.forEach((item, codes) -> appendItem(shipment, item, codes.stream().limit(ITEM_STATUS_MAX).toList()));
        }
        String customsOffice = verdict.declarationNo().substring(0, 2);
        for (Rejection error : verdict.declarationErrors()) {
            appendResponse(declaration, ReplyText.fit(error.text(), CONTENT_MAX), ErrorReplyBuilder.HUB_OFFICE,
                    List.of(REJECTED, ReplyText.code(error.code().code(), CODE_MAX)), Map.of(),
                    verdict.declarationNo(), customsOffice);
        }
        for (AgencyVerdict agency : verdict.agencies()) {
            String reference = agency.isCustoms() ? verdict.declarationNo() : agency.applicationRef();
            String responsible = agency.agency().length() == 2 ? agency.agency() : customsOffice;
            appendResponse(declaration, ReplyText.fit(agency.text(), CONTENT_MAX), agency.agency(),
                    List.of(agency.accepted() ? ACCEPTED : REJECTED), agency.items(), reference, responsible);
        }
        return doc;
    }

    private static void appendResponse(Element declaration, String content, String contact, List<String> status,
            Map<Integer, String> items, String reference, String responsible) {
        Element response = append(declaration, "tw_ApplicationResponse");
        if (content != null && !content.isEmpty()) {
            appendText(append(response, "AdditionalInformation"), "Content", content);
        }
        appendText(append(response, "ContactOffice"), "ID", ReplyText.code(contact, CONTACT_MAX));
        status.forEach(code -> appendText(append(response, "Status"), "NameCode", code));
        Element application = append(response, "tw_Application");
        appendText(application, "tw_FunctionCode", FUNCTION_CODE);
        if (!items.isEmpty()) {
            Element shipment = append(application, "GoodsShipment");
            items.forEach((item, code) -> appendItem(shipment, item, List.of(ReplyText.code(code, CODE_MAX))));
        }
        appendText(append(application, "PreviousDocument"), "tw_FunctionalReferenceID", ReplyText.code(reference, REFERENCE_MAX));
        appendText(append(application, "ResponsibleGovernmentAgency"), "ID", responsible);
    }

    private static void appendItem(Element shipment, int item, List<String> codes) {
        if (item < 0 || item > 9999) {
            throw new IllegalArgumentException("Item sequence number " + item + " is outside 0–9999");
        }
        Element goods = append(shipment, "GovernmentAgencyGoodsItem");
        appendText(goods, "SequenceNumeric", Integer.toString(item));
        codes.forEach(code -> appendText(append(goods, "Status"), "NameCode", code));
    }

    /** Per item: the overall code ({@code Y} only when every verdict naming the item says {@code Y}), then the other codes given. */
    private static SortedMap<Integer, Set<String>> itemCodes(List<AgencyVerdict> agencies) {
        SortedMap<Integer, Set<String>> given = new TreeMap<>();
        for (AgencyVerdict agency : agencies) {
            agency.items().forEach((item, code) ->
                    given.computeIfAbsent(item, i -> new LinkedHashSet<>()).add(ReplyText.code(code, CODE_MAX)));
        }
        SortedMap<Integer, Set<String>> result = new TreeMap<>();
        given.forEach((item, codes) -> {
            Set<String> merged = new LinkedHashSet<>();
            merged.add(codes.stream().allMatch(ACCEPTED::equals) ? ACCEPTED : REJECTED);
            codes.stream().filter(c -> !ACCEPTED.equals(c) && !REJECTED.equals(c)).forEach(merged::add);
            result.put(item, merged);
        });
        return result;
    }

    private static String summary(MergedVerdict verdict) {
        if (verdict.accepted()) {
            return verdict.agencies().isEmpty() ? "Accepted"
                    : "Accepted: " + verdict.agencies().stream().map(AgencyVerdict::agency).collect(Collectors.joining(", "));
        }
        List<String> parts = new ArrayList<>();
        if (!verdict.declarationErrors().isEmpty()) {
            parts.add(verdict.declarationErrors().stream().map(r -> r.code().code()).distinct().collect(Collectors.joining(", ")));
        }
        List<String> refusing = verdict.agencies().stream().filter(a -> !a.accepted()).map(AgencyVerdict::agency).toList();
        if (!refusing.isEmpty()) {
            parts.add("by " + String.join(", ", refusing));
        }
        if (parts.isEmpty()) {
            return "Rejected";
        }
        String joined = String.join("; ", parts);
        return joined.startsWith("by ") ? "Rejected " + joined : "Rejected: " + joined;
    }
}
