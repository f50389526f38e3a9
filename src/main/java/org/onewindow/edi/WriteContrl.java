package org.onewindow.edi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.onewindow.edi.EdifactWriter.composite;

/**
 * Writes the CONTRL syntax report for an interchange, as its sender gets it for every interchange: UCI with
 * action 7 (acknowledged) or 4 (rejected, with the syntax error code, the service segment and the element at
 * fault); for an interchange whose envelope is sound, one UCM per message, action 7 or 4, and for each rejected
 * message a UCS per segment at fault (its position counted from UNH = 1, with the error code when the whole
 * segment is wrong) and a UCD per data element at fault (error code, element and component position).
 */
public final class WriteContrl {
    static final String ACKNOWLEDGED = "7";
    static final String REJECTED = "4";
    private static final String[] CONTRL = {"CONTRL", "2", "2", "UN"};

    private final EdifactGuides guides;
    private final EdifactWriter writer;

    public WriteContrl(EdifactGuides guides) {
        this.guides = guides;
        this.writer = new EdifactWriter(guides);
    }

    /**
     * @param refusal the hub's reason to refuse the whole interchange although it reads (the channel or the
     *                sender), or null
     */
    public byte[] write(Interchange interchange, SyntaxError refusal, String recipient, String reference, Instant at) {
        List<SyntaxError> envelope = new ArrayList<>(interchange.errors());
        if (refusal != null) {
            envelope.add(0, refusal);
        }
        return writer.write(guides.contrl(), recipient, reference, at, CONTRL, out -> {
            String ref = value(interchange.controlReference(), "UNKNOWN");
            Object sender = composite(value(interchange.sender(), "UNKNOWN"));
            Object receiver = composite(value(interchange.recipient(), EdifactWriter.HUB));
            if (!envelope.isEmpty()) {
                SyntaxError first = envelope.get(0);
                out.segment("UCI", ref, sender, receiver, REJECTED, first.code(), first.segmentTag(), position(first));
                return;
            }
            out.segment("UCI", ref, sender, receiver, ACKNOWLEDGED);
            for (EdifactMessage message : interchange.messages()) {
                Object identifier = composite(message.identifier().split(":"));
                if (message.valid()) {
                    out.segment("UCM", message.reference(), identifier, ACKNOWLEDGED);
                    continue;
                }
                out.segment("UCM", message.reference(), identifier, REJECTED);
                for (Map.Entry<Integer, List<SyntaxError>> segment : bySegment(message.errors()).entrySet()) {
                    SyntaxError whole = segment.getValue().stream().filter(e -> !e.inElement()).findFirst().orElse(null);
                    out.segment("UCS", String.valueOf(segment.getKey()), whole == null ? null : whole.code());
                    for (SyntaxError error : segment.getValue()) {
                        if (error.inElement()) {
                            out.segment("UCD", error.code(), position(error));
                        }
                    }
                }
            }
        });
    }

    private static Map<Integer, List<SyntaxError>> bySegment(List<SyntaxError> errors) {
        Map<Integer, List<SyntaxError>> grouped = new LinkedHashMap<>();
        for (SyntaxError error : errors) {
            grouped.computeIfAbsent(error.segmentPosition(), k -> new ArrayList<>()).add(error);
        }
        return grouped;
    }

    /** S011: element position, and component position when inside a composite. */
    private static Object position(SyntaxError error) {
        if (!error.inElement()) {
            return null;
        }
        return error.componentPosition() > 0
                ? composite(String.valueOf(error.elementPosition()), String.valueOf(error.componentPosition()))
                : composite(String.valueOf(error.elementPosition()));
    }

    private static String value(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
