package org.onewindow.edi;

/**
 * A UN/EDIFACT syntax error as CONTRL reports it: where (segment position counted from UNH = 1 for a message,
 * or the service segment's tag for the interchange; element and component position, 0 when the whole segment
 * is at fault) and the syntax error code (data element 0085), with a readable text for the hub's record.
 */
public record SyntaxError(int segmentPosition, String segmentTag, int elementPosition, int componentPosition, String code,
                          String text) {

    /** Whether the error is about a data element rather than the whole segment. */
    public boolean inElement() {
        return elementPosition > 0;
    }

    public String describe() {
        String where = "segment " + segmentPosition + " (" + segmentTag + ")"
                + (inElement() ? ", element " + elementPosition + (componentPosition > 0 ? ", component " + componentPosition : "") : "");
        return where + ": syntax error " + code + " " + text;
    }
}
