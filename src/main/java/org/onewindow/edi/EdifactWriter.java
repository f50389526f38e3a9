package org.onewindow.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes one interchange holding one message with StAEDI: UNA, UNB from the hub to the party, UNH, the body,
 * UNT with the counted segments, UNZ. The writer validates the envelope against the syntax control schema and
 * the body against the message's implementation guide; any violation is a fault of the hub (an
 * {@link IllegalStateException}), never sent. Syntax UNOC level 3: text outside ISO 8859-1 is left out.
 */
final class EdifactWriter {
    static final String HUB = "HUB";
    private static final ZoneId HUB_ZONE = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter UNB_DATE = DateTimeFormatter.ofPattern("uuMMdd").withZone(HUB_ZONE);
    private static final DateTimeFormatter UNB_TIME = DateTimeFormatter.ofPattern("HHmm").withZone(HUB_ZONE);

    private final EDIOutputFactory factory;
    private final Schema control;

    EdifactWriter(EdifactGuides guides) {
        this.factory = EDIOutputFactory.newFactory();
        this.factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        this.factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        this.factory.setErrorReporter((error, writer, location, data, reference) -> {
            throw new IllegalStateException("The hub wrote EDIFACT outside its guide: " + error + " at segment "
                    + location.getSegmentTag() + " element " + location.getElementPosition() + " ('" + data + "')");
        });
        this.control = guides.control();
    }

    /** What goes between UNH and UNT. */
    interface Body {
        void write(Segments out) throws EDIStreamException;
    }

    /**
     * @param messageIdentifier S009 of UNH, e.g. {@code CONTRL:2:2:UN}
     * @param reference         interchange control reference (0020, an..14), also the message's UNH reference
     */
    byte[] write(Schema guide, String recipient, String reference, Instant at, String[] messageIdentifier, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.ISO_8859_1.name());
            writer.setControlSchema(control);
            writer.startInterchange();
            Segments segments = new Segments(writer);
            segments.segment("UNB", composite(EdifactGuides.WRITTEN_SYNTAX), composite(HUB), composite(recipient),
                    composite(UNB_DATE.format(at), UNB_TIME.format(at)), reference);
            segments.count = 0;
            segments.segment("UNH", "1", composite(messageIdentifier));
            writer.setTransactionSchema(guide);
            body.write(segments);
            segments.segment("UNT", String.valueOf(segments.count + 1), "1");
            segments.segment("UNZ", "1", reference);
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Could not write EDIFACT: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes segments and counts them for UNT. */
    static final class Segments {
        private final EDIStreamWriter writer;
        private int count;

        private Segments(EDIStreamWriter writer) {
            this.writer = writer;
        }

        /** Elements are a String (simple), a String[] (composite, null for an empty component) or null (empty). */
        void segment(String tag, Object... elements) throws EDIStreamException {
            writer.writeStartSegment(tag);
            int last = elements.length;
            while (last > 0 && elements[last - 1] == null) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                Object element = elements[i];
                if (element == null) {
                    writer.writeEmptyElement();
                } else if (element instanceof String[] components) {
                    writer.writeStartElement();
                    for (String component : components) {
                        if (component == null) {
                            writer.writeEmptyComponent();
                        } else {
                            writer.writeComponent(component);
                        }
                    }
                    writer.endElement();
                } else {
                    writer.writeElement((String) element);
                }
            }
            writer.writeEndSegment();
            count++;
        }
    }

    /**
     * A composite element for {@link Segments#segment}: without this wrapper a lone String[] argument would be spread
     * over the varargs as simple elements.
     */
    static Object composite(String... components) {
        return components;
    }

    /** Keeps what UNOC can carry: printable ISO 8859-1; other characters (Chinese text) are dropped. */
    static String latin1(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff)) {
                kept.append(c);
            }
        }
        return kept.toString().trim();
    }
}
