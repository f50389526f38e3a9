package org.onewindow.reply;

import static org.onewindow.message.Dom.append;
import static org.onewindow.message.Dom.appendText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.onewindow.message.Dom;
import org.onewindow.message.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the hub's error reply, NX903, for a message it refuses (wire/format faults, rejections it
 * cannot put into an NX5106) and for an agency silent past its deadline ({@link ErrorCode#AGENCY_SILENT},
 * see {@link Rejection#agencySilent}).
 *
 * <p>Where each piece goes ({@code Response/…}):
 * <ul>
 *   <li>{@code FunctionalReferenceID} (an..20): the hub's own reference for this reply,
 *       {@code OW} + issue time {@code yyMMddHHmmss} + 6 characters derived from the rejected hub id, the
 *       time and the errors; the same inputs give the same reference.</li>
 *   <li>{@code IssueDateTime}: {@code issuedAt} in Taiwan time ({@code 2025-11-24T10:15:00}).</li>
 *   <li>{@code ContactOffice/ID} (an..17): the hub, {@value #HUB_OFFICE}.</li>
 *   <li>{@code Error} (1..99), one per rejection in the order given: {@code ValidationCode} (an1) is
 *       {@link ErrorCode#validationCode()} ({@code W}, {@code B}, {@code A}, {@code T}, {@code S});
 *       {@code AdditionalInformation/Content} (an..512) is {@link Rejection#text()}, i.e.
 *       {@code <code> <catalogue text>: <detail>}, on one line and cut to 512 characters. Past 98
 *       rejections the 99th error says how many more were left out.</li>
 *   <li>{@code Declaration/ID} (an14): the declaration number, when known and 14 characters long (a
 *       malformed number is left out; the B101 detail names it).</li>
 *   <li>{@code Declaration/GoodsShipment/GovernmentAgencyGoodsItem/PreviousDocument}: the rejected
 *       message: {@code tw_FunctionalReferenceID} (an..20) its 訊息編號 when known and it fits,
 *       {@code tw_UniversallyUniqueID} (an..64) its hub id (UUID), {@code TypeCode} (an..8) its message
 *       type, or {@value #UNKNOWN_TYPE} when the hub could not tell.</li>
 * </ul>
 */
public final class ErrorReplyBuilder {
    /** Message type and namespace of the reply (version of the official schema it follows). */
    public static final String TYPE = "NX903";
    public static final String NAMESPACE = "urn:wco:datamodel:TW:NX903:R-00-03";
    /** The hub's contact office id in every reply it issues itself. */
    public static final String HUB_OFFICE = "ONEWINDOW";
    /** {@code PreviousDocument/TypeCode} when the rejected message's type could not be determined. */
    public static final String UNKNOWN_TYPE = "UNKNOWN";

    static final int MAX_ERRORS = 99;
    static final int CONTENT_MAX = 512;
    private static final int REFERENCE_MAX = 20;
    private static final DateTimeFormatter REFERENCE_TIME = DateTimeFormatter.ofPattern("uuMMddHHmmss").withZone(ReplyText.HUB_ZONE);

    private ErrorReplyBuilder() {
    }

    /** The NX903 answering {@code about} with one {@code Error} per rejection (at least one). */
    public static Document nx903(RejectedMessage about, List<Rejection> errors, Instant issuedAt) {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("An NX903 needs at least one error");
        }
        Document doc = Dom.newDocument(NAMESPACE, "Response");
        Element response = doc.getDocumentElement();
        appendText(response, "FunctionalReferenceID", reference(about, errors, issuedAt));
        appendText(response, "IssueDateTime", ReplyText.dateTime(issuedAt));
        appendText(append(response, "ContactOffice"), "ID", HUB_OFFICE);
        for (Line error : limited(errors)) {
            Element e = append(response, "Error");
            appendText(e, "ValidationCode", error.validationCode());
            appendText(append(e, "AdditionalInformation"), "Content", ReplyText.fit(error.text(), CONTENT_MAX));
        }
        Element declaration = append(response, "Declaration");
        if (about.declarationNo() != null && about.declarationNo().length() == 14) {
            appendText(declaration, "ID", about.declarationNo());
        }
        Element previous = append(append(append(declaration, "GoodsShipment"), "GovernmentAgencyGoodsItem"), "PreviousDocument");
        String ref = about.messageRef() == null ? null : ReplyText.code(about.messageRef(), Integer.MAX_VALUE);
        if (ref != null && !ref.isEmpty() && ref.length() <= REFERENCE_MAX) {
            appendText(previous, "tw_FunctionalReferenceID", ref);
        }
        appendText(previous, "tw_UniversallyUniqueID", ReplyText.code(about.hubId(), 64));
        String type = about.messageType() == null || about.messageType().isBlank() ? UNKNOWN_TYPE : about.messageType();
        appendText(previous, "TypeCode", ReplyText.code(type, 8));
        return doc;
    }

    private record Line(String validationCode, String text) {
    }

    private static List<Line> limited(List<Rejection> errors) {
        List<Line> out = new ArrayList<>();
        boolean overflow = errors.size() > MAX_ERRORS;
        int keep = overflow ? MAX_ERRORS - 1 : errors.size();
        for (Rejection r : errors.subList(0, keep)) {
            out.add(new Line(r.code().validationCode(), r.text()));
        }
        if (overflow) {
            Rejection next = errors.get(keep);
            out.add(new Line(next.code().validationCode(),
                    (errors.size() - keep) + " further errors not listed, the next being " + next.text()));
        }
        return out;
    }

    private static String reference(RejectedMessage about, List<Rejection> errors, Instant issuedAt) {
        StringBuilder seed = new StringBuilder(about.hubId()).append('|').append(issuedAt);
        errors.forEach(r -> seed.append('|').append(r.text()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.toString().getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = bits << 8 | (hash[i] & 0xff);
            }
            String suffix = Long.toString(Long.remainderUnsigned(bits, 36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
            return "OW" + REFERENCE_TIME.format(issuedAt) + "0".repeat(6 - suffix.length()) + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
