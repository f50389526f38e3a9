package org.onewindow.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads a UN/EDIFACT interchange with StAEDI in one streaming pass: the envelope (UNA, UNB … UNZ, segment and
 * message counts, control references) against StAEDI's syntax control schema, each CUSDEC message against the
 * hub's implementation guide. Every fault becomes a {@link SyntaxError} with the segment position counted as
 * CONTRL counts it (UNH = 1) and the UN/EDIFACT syntax error code; nothing is thrown for bad input. An
 * interchange the reader cannot follow at all (no UNB, broken service string advice) is one envelope error.
 */
public final class ReadInterchange {
    /** The message the guide describes; any other message type in an interchange is rejected (0085 code 15). */
    static final String CUSDEC = "CUSDEC";

    private final EDIInputFactory factory;
    private final EdifactGuides guides;
    private final Schema guide;

    public ReadInterchange(EdifactGuides guides) {
        this.factory = EDIInputFactory.newFactory();
        this.guides = guides;
        this.guide = guides.cusdec();
    }

    public Interchange read(byte[] body) {
        State state = new State();
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(body),
                Edifact.charset(body).name(), guides.control(Edifact.syntaxVersion(body)))) {
            while (reader.hasNext()) {
                state.on(reader, reader.next());
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            state.envelopeErrors.add(new SyntaxError(state.segmentCount, state.tag == null ? "UNB" : state.tag, 0, 0,
                    SyntaxErrorCodes.UNSPECIFIED, "the interchange cannot be read: " + e.getMessage()));
        }
        return state.result();
    }

    /** What one pass collects. */
    private final class State {
        final List<SyntaxError> envelopeErrors = new ArrayList<>();
        final List<EdifactMessage> messages = new ArrayList<>();
        final Deque<String> loops = new ArrayDeque<>();
        final String[] envelope = new String[5];
        List<Segment> segments;
        List<SyntaxError> messageErrors;
        List<List<String>> elements;
        String tag;
        String[] header;
        int segmentCount;
        int positionInMessage;
        int unhIndex;
        int groupOccurrence;

        void on(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            switch (event) {
                case START_TRANSACTION:
                    segments = new ArrayList<>();
                    messageErrors = new ArrayList<>();
                    header = new String[4];
                    positionInMessage = 0;
                    reader.setTransactionSchema(guide);
                    break;
                case START_LOOP:
                    groupOccurrence++;
                    loops.push(reader.getReferenceCode());
                    break;
                case END_LOOP:
                    loops.pop();
                    break;
                case START_SEGMENT:
                    tag = reader.getText();
                    segmentCount++;
                    if ("UNH".equals(tag)) {
                        unhIndex = reader.getLocation().getSegmentPosition();
                    }
                    elements = new ArrayList<>();
                    if (segments != null) {
                        positionInMessage++;
                    }
                    break;
                case ELEMENT_DATA:
                    element(reader.getLocation(), reader.getText());
                    break;
                case END_SEGMENT:
                    endSegment();
                    break;
                case END_TRANSACTION:
                    messages.add(message());
                    segments = null;
                    break;
                case SEGMENT_ERROR:
                case ELEMENT_DATA_ERROR:
                case ELEMENT_OCCURRENCE_ERROR:
                    error(reader, event);
                    break;
                default:
                    break;
            }
        }

        private void element(Location location, String text) {
            int element = location.getElementPosition();
            int component = Math.max(1, location.getComponentPosition());
            while (elements.size() < element) {
                elements.add(new ArrayList<>());
            }
            List<String> components = elements.get(element - 1);
            while (components.size() < component - 1) {
                components.add("");
            }
            components.add(text == null ? "" : text);
        }

        private void endSegment() {
            Segment segment = new Segment(tag, positionInMessage, loops.peek(), loops.isEmpty() ? 0 : groupOccurrence,
                    List.copyOf(elements));
            switch (tag) {
                case "UNB":
                    envelope[0] = segment.value(1, 1);
                    envelope[1] = segment.value(1, 2);
                    envelope[2] = segment.value(2, 1);
                    envelope[3] = segment.value(3, 1);
                    envelope[4] = segment.value(5, 1);
                    break;
                case "UNH":
                    header = new String[] {segment.value(1), segment.value(2, 1), segment.value(2, 2) + ":" + segment.value(2, 3),
                        segment.value(2, 4)};
                    if (!CUSDEC.equals(header[1])) {
                        messageErrors.add(new SyntaxError(1, "UNH", 2, 1, "15", "message type " + header[1]
                                + " is not accepted; the hub takes CUSDEC D:96B"));
                    }
                    break;
                default:
                    if (segments != null && !"UNT".equals(tag)) {
                        segments.add(segment);
                    }
            }
        }

        private void error(EDIStreamReader reader, EDIStreamEvent event) {
            Location location = reader.getLocation();
            String code = SyntaxErrorCodes.code(reader.getErrorType());
            boolean segmentLevel = event == EDIStreamEvent.SEGMENT_ERROR;
            String reference = reader.getReferenceCode();
            String text = SyntaxErrorCodes.text(code) + " (" + reader.getErrorType().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (reference == null ? "" : reference.matches("\\d+") ? ", data element " + reference : ": " + reference) + ")";
            String at = location.getSegmentTag() != null ? location.getSegmentTag() : tag;
            int element = segmentLevel ? 0 : Math.max(0, location.getElementPosition());
            int component = segmentLevel ? 0 : Math.max(0, location.getComponentPosition());
            // the location counts every segment of the interchange; an error about a segment can come before its start event
            if (segments != null) {
                messageErrors.add(new SyntaxError(location.getSegmentPosition() - unhIndex + 1, at, element, component, code, text));
            } else {
                envelopeErrors.add(new SyntaxError(location.getSegmentPosition(), at, element, component, code, text));
            }
        }

        private EdifactMessage message() {
            return new EdifactMessage(header[0], header[1], header[2], header[3], List.copyOf(segments), List.copyOf(messageErrors));
        }

        Interchange result() {
            if (segments != null) {
                messages.add(message()); // cut off before its UNT
            }
            return new Interchange(envelope[0], envelope[1], envelope[2], envelope[3], envelope[4], List.copyOf(messages),
                    List.copyOf(envelopeErrors));
        }
    }
}
