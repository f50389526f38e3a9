package org.onewindow.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.onewindow.correlate.AgencyReply.Kind;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.w3c.dom.Element;

/**
 * Reads an agency's reply into an {@link AgencyReply}: one small method per reply type, chosen from a
 * table by the message type.
 *
 * <p>Where the references are ({@code Response/…}):
 * <ul>
 *   <li>declaration number: {@code Declaration/ID} in every type;</li>
 *   <li>application reference (原訊息編號): {@code Declaration/PreviousDocument/tw_FunctionalReferenceID} in
 *       NX901, NX902, NX602, NX302_DN and NX402; {@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem/
 *       PreviousDocument/tw_FunctionalReferenceID} in NX903; none for customs;</li>
 *   <li>verdict: NX901 Y, NX903 N, N5107 and N5116 Y; a result's {@code Status/NameCode} when it is Y or N;</li>
 *   <li>customs' selection: {@code Status/NameCode} of N5107, N5110 and N5116, {@code C1}..{@code C3} or
 *       {@code 1}..{@code 3};</li>
 *   <li>item status, from {@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem} by {@code SequenceNumeric}:
 *       NX901 and NX402 {@code Status/NameCode}; NX602 and NX302_DN the first {@code Error/ValidationCode}
 *       (不合格原因), or Y for an item listed without one; N5107 the first {@code Error/ValidationCode}
 *       (應補辦事項).</li>
 * </ul>
 *
 * <p>The agency is the {@code OneWindowAgency} header when given; without it, the agency the reply names
 * (NX901/NX902 {@code ResponsibleGovernmentAgency/ID}, NX903 the type of the refused message) or the one its
 * type belongs to. A reply of any other type is not an agency reply: {@link IllegalArgumentException}.
 */
public final class AgencyReplyReader {
    /** Agency code of customs. */
    public static final String CUSTOMS = "customs";

    private static final String[] AGENCY_REF = {"Declaration", "PreviousDocument", "tw_FunctionalReferenceID"};
    private static final String[] ERROR_REF = {"Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem", "PreviousDocument"};
    private static final String[] ITEMS = {"Declaration", "GoodsShipment", "GovernmentAgencyGoodsItem"};
    private static final String PASSED = "Y";
    private static final String FAILED = "N";

    /** The agency a reply type belongs to when the reply itself does not name one. */
    private static final Map<String, String> AGENCY_OF_TYPE = Map.ofEntries(
            Map.entry("NX602", "CD"), Map.entry("NX302_DN", "DN"), Map.entry("NX402", "VP"),
            Map.entry("N5107", CUSTOMS), Map.entry("N5110", CUSTOMS), Map.entry("N5116", CUSTOMS),
            Map.entry("NX601", "CD"), Map.entry("NX301_DN", "DN"), Map.entry("NX401", "VP"), Map.entry("NX5105", CUSTOMS));

    @FunctionalInterface
    private interface TypeReader {
        AgencyReply read(ParsedMessage reply, String agency);
    }

    private final Map<String, TypeReader> readers = new LinkedHashMap<>();

    public AgencyReplyReader() {
        readers.put("NX901", this::received);
        readers.put("NX902", this::notice);
        readers.put("NX903", this::error);
        readers.put("NX602", this::result);
        readers.put("NX302_DN", this::result);
        readers.put("NX402", this::result);
        readers.put("N5107", this::customsSelection);
        readers.put("N5110", this::duties);
        readers.put("N5116", this::release);
    }

    /** The message types this reader understands. */
    public Set<String> replyTypes() {
        return readers.keySet();
    }

    /** True when {@code type} (e.g. {@code NX602}) is an agency reply this reader understands. */
    public boolean isReply(String type) {
        return readers.containsKey(type);
    }

    /**
     * Reads {@code reply}, a schema-valid agency reply; {@code agencyHeader} is the {@code OneWindowAgency}
     * header it came with (nullable).
     */
    public AgencyReply read(ParsedMessage reply, String agencyHeader) {
        String type = reply.type().type();
        TypeReader reader = readers.get(type);
        if (reader == null) {
            throw new IllegalArgumentException(type + " is not an agency reply; expected one of " + readers.keySet());
        }
        String agency = agencyHeader != null && !agencyHeader.isBlank() ? agencyHeader.strip() : agencyNamedIn(reply);
        return reader.read(reply, agency);
    }

    /** NX901 received: first verdict Y, items' status codes. */
    private AgencyReply received(ParsedMessage reply, String agency) {
        String text = summary("Received by " + agency,
                labelled("receipt number", reply.text("Declaration", "AdditionalInformation", "tw_ProcessNumber")),
                labelled("permit", reply.text("Declaration", "GoodsShipment", "AdditionalDocument", "ID")),
                reply.text("Declaration", "AdditionalInformation", "Content"));
        return agencyReply(reply, agency, Kind.RECEIVED, PASSED, reply.text(AGENCY_REF), statusCodes(reply), text);
    }

    /** NX902 notice: no verdict; the notice code, remark, fee and sampling appointment as text. */
    private AgencyReply notice(ParsedMessage reply, String agency) {
        String fee = reply.text("Declaration", "DutyTaxFee", "Payment", "PaymentAmount");
        String sampling = reply.text("tw_Sampling", "tw_SamplingDate");
        String text = summary("Notice " + orDash(reply.text("Status", "NameCode")) + " from " + agency,
                reply.text("Declaration", "AdditionalInformation", "Content"),
                fee == null ? null : "fee " + fee + orEmpty(labelled(", payment reference", reply.text("Declaration", "DutyTaxFee", "Payment", "ReferenceID"))),
                sampling == null ? null : "sampling on " + sampling + orEmpty(labelled(", period", reply.text("tw_Sampling", "tw_PeriodCode"))));
        return agencyReply(reply, agency, Kind.NOTICE, null, reply.text(AGENCY_REF), Map.of(), text);
    }

    /** NX903 error: first verdict N; the errors as text. */
    private AgencyReply error(ParsedMessage reply, String agency) {
        List<String> errors = new ArrayList<>();
        for (Element error : Dom.children(reply.root(), "Error")) {
            errors.add(orDash(Dom.text(error, "ValidationCode")) + ": " + orDash(Dom.text(error, "AdditionalInformation", "Content")));
        }
        String refused = reply.text(append(ERROR_REF, "TypeCode"));
        String text = summary("Refused by " + agency + (refused == null ? "" : " (" + refused + ")"), String.join("; ", errors));
        return agencyReply(reply, agency, Kind.ERROR, FAILED, reply.text(append(ERROR_REF, "tw_FunctionalReferenceID")), Map.of(), text);
    }

    /** NX602, NX302_DN, NX402 final result: its Y/N, and each listed item's status or failure reason. */
    private AgencyReply result(ParsedMessage reply, String agency) {
        String code = reply.text("Status", "NameCode");
        String verdict = PASSED.equals(code) || FAILED.equals(code) ? code : null;
        Map<Integer, String> items = "NX402".equals(reply.type().type()) ? statusCodes(reply) : failureReasons(reply);
        List<String> parts = new ArrayList<>();
        parts.add("Result " + orDash(code) + " from " + agency);
        parts.add(labelled("permit", reply.text("Declaration", "GoodsShipment", "AdditionalDocument", "ID")));
        for (Element item : Dom.all(reply.root(), ITEMS)) {
            String remark = firstNonNull(Dom.text(item, "AdditionalInformation", "Content"), Dom.text(item, "Status", "AdditionalInformation", "Content"));
            if (remark != null) {
                parts.add("item " + Dom.text(item, "SequenceNumeric") + ": " + remark);
            }
        }
        return agencyReply(reply, agency, Kind.RESULT, verdict, reply.text(AGENCY_REF), items, summary(parts.toArray(String[]::new)));
    }

    /** N5107 further action: customs' first verdict Y, its selection, the items and what they need. */
    private AgencyReply customsSelection(ParsedMessage reply, String agency) {
        String selection = selection(reply);
        String text = summary("Customs selects " + orDash(selection == null ? reply.text("Status", "NameCode") : selection),
                labelled("complete by", reply.text("AdditionalInformation", "LimitDateTime")),
                labelled("office", reply.text("ContactOffice", "ID")));
        return customsReply(reply, agency, Kind.CUSTOMS_SELECTION, PASSED, selection, failureCodes(reply), text);
    }

    /** N5110 duties payable: no verdict; amount, due date and payment reference as text. */
    private AgencyReply duties(ParsedMessage reply, String agency) {
        String text = summary("Duties payable " + orDash(reply.text("Declaration", "DutyTaxFee", "tw_TotalDutyTaxFeeAmount")),
                labelled("due", reply.text("Declaration", "DutyTaxFee", "Payment", "DueDateTime")),
                labelled("payment reference", reply.text("Declaration", "DutyTaxFee", "Payment", "ReferenceID")));
        return customsReply(reply, agency, Kind.DUTIES, null, selection(reply), Map.of(), text);
    }

    /** N5116 release: customs' verdict Y (a release without N5107 is its first answer), the selection. */
    private AgencyReply release(ParsedMessage reply, String agency) {
        String text = summary("Released " + orDash(reply.text("Status", "ReleaseDateTime")),
                labelled("clearance", reply.text("Status", "NameCode")),
                labelled("packages", reply.text("Status", "tw_TotalPackageQuantity")));
        return customsReply(reply, agency, Kind.RELEASE, PASSED, selection(reply), Map.of(), text);
    }

    private static AgencyReply agencyReply(ParsedMessage reply, String agency, Kind kind, String verdict, String applicationRef,
            Map<Integer, String> items, String text) {
        String ref = CUSTOMS.equals(agency) ? null : applicationRef;
        return new AgencyReply(agency, reply.type().type(), reply.text("Declaration", "ID"), ref, kind, verdict, null, items, text);
    }

    private static AgencyReply customsReply(ParsedMessage reply, String agency, Kind kind, String verdict, String selection,
            Map<Integer, String> items, String text) {
        return new AgencyReply(agency, reply.type().type(), reply.text("Declaration", "ID"), null, kind, verdict, selection, items, text);
    }

    /** The agency a reply names, or the one its type belongs to; null when neither says. */
    private static String agencyNamedIn(ParsedMessage reply) {
        String type = reply.type().type();
        String named = switch (type) {
            case "NX901", "NX902" -> reply.text("Declaration", "ResponsibleGovernmentAgency", "ID");
            case "NX903" -> AGENCY_OF_TYPE.get(String.valueOf(reply.text(append(ERROR_REF, "TypeCode"))));
            default -> null;
        };
        return named != null && !named.isEmpty() ? named : AGENCY_OF_TYPE.get(type);
    }

    /** Customs' clearance method from Status/NameCode: C1, C2, C3 (also written 1, 2, 3), else null. */
    private static String selection(ParsedMessage reply) {
        String code = reply.text("Status", "NameCode");
        if (code == null) {
            return null;
        }
        String normal = code.toUpperCase(Locale.ROOT).startsWith("C") ? code.toUpperCase(Locale.ROOT) : "C" + code;
        return Set.of("C1", "C2", "C3").contains(normal) ? normal : null;
    }

    /** Item → first Status/NameCode (NX901, NX402); items without one are left out. */
    private static Map<Integer, String> statusCodes(ParsedMessage reply) {
        return perItem(reply, item -> Dom.text(item, "Status", "NameCode"));
    }

    /** Item → first Error/ValidationCode, or Y for an item listed without one (NX602, NX302_DN). */
    private static Map<Integer, String> failureReasons(ParsedMessage reply) {
        return perItem(reply, item -> firstNonNull(Dom.text(item, "Error", "ValidationCode"), PASSED));
    }

    /** Item → first Error/ValidationCode (N5107); items without one are left out. */
    private static Map<Integer, String> failureCodes(ParsedMessage reply) {
        return perItem(reply, item -> Dom.text(item, "Error", "ValidationCode"));
    }

    private static Map<Integer, String> perItem(ParsedMessage reply, Function<Element, String> code) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Element item : Dom.all(reply.root(), ITEMS)) {
            Integer sequence = Dom.wholeNumber(item, "SequenceNumeric");
            String value = code.apply(item);
            if (sequence != null && value != null && !value.isEmpty()) {
                out.putIfAbsent(sequence, value);
            }
        }
        return out;
    }

    private static String summary(String... parts) {
        StringJoiner out = new StringJoiner("; ");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out.toString();
    }

    /** {@code "label value"}, or null when there is no value. */
    private static String labelled(String label, String value) {
        return value == null || value.isEmpty() ? null : label + " " + value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String firstNonNull(String first, String second) {
        return first != null && !first.isEmpty() ? first : second;
    }

    private static String[] append(String[] path, String last) {
        String[] out = Arrays.copyOf(path, path.length + 1);
        out[path.length] = last;
        return out;
    }
}
