package org.onewindow.edi;

import java.util.List;

/**
 * One message of an interchange (UNH … UNT): its reference (0062), type, version and release (S009, "D:96B") and controlling agency, its segments
 * between UNH and UNT in order, and the syntax errors found in it against the implementation guide.
 */
public record EdifactMessage(String reference, String type, String version, String agency, List<Segment> segments,
                             List<SyntaxError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    /** "CUSDEC:D:96B:UN" style identifier as CONTRL repeats it. */
    public String identifier() {
        return type + ":" + version + ":" + agency;
    }
}
