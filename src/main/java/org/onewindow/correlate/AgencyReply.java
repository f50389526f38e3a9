package org.onewindow.correlate;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one agency reply says, in the terms the correlation engine works with, whatever its message type.
 *
 * @param agency         the answering agency: {@code customs}, {@code CD}, {@code DN}, {@code VP}
 * @param messageType    the reply's type, e.g. {@code NX901}
 * @param declarationNo  the declaration number (報單號碼, 14 characters) the reply is about, or null when it names none
 * @param applicationRef the message reference (訊息編號) of the application answered; null for customs, whose
 *                       "application" is the declaration itself, and when an agency reply names none
 * @param kind           what sort of reply it is
 * @param verdict        {@code Y} or {@code N} where the reply gives one: NX901 Y, NX903 N, N5107 and N5116 Y
 *                       (customs' first verdict), a result's own Y or N; else null
 * @param selection      customs' clearance method {@code C1}, {@code C2} or {@code C3} where the reply states it, else null
 * @param itemStatus     item sequence number → status or reason code the reply gives that item, in item order
 * @param text           a readable one-line summary of the reply and its remarks
 */
public record AgencyReply(String agency, String messageType, String declarationNo, String applicationRef, Kind kind,
        String verdict, String selection, Map<Integer, String> itemStatus, String text) {

    /** The sorts of agency reply. */
    public enum Kind {
        /** NX901: the agency received the application (its first verdict, Y). */
        RECEIVED,
        /** NX902: a notice — fees, sampling, corrections. */
        NOTICE,
        /** NX903: the agency or customs refuses the application or declaration (first verdict N). */
        ERROR,
        /** NX602, NX302_DN, NX402: the agency's final result. */
        RESULT,
        /** N5107: customs selects the declaration for a document check (C2) or inspection (C3). */
        CUSTOMS_SELECTION,
        /** N5110: duties payable. */
        DUTIES,
        /** N5116: release notice. */
        RELEASE
    }

    public AgencyReply {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(kind, "kind");
        itemStatus = Collections.unmodifiableMap(new TreeMap<>(itemStatus == null ? Map.of() : itemStatus));
    }
}
