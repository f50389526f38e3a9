package org.onewindow.ops;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.onewindow.message.Headers;

/**
 * A message parked on a dead-letter queue, as an operator sees it: the broker's id (without its {@code ID:}
 * prefix), the queue it came from (as the hub or, on the catch-all DLQ, the broker noted it), its hub id and type when known, when and why it was parked, how often it was
 * tried, all its properties, and its body.
 */
public record ParkedMessage(String id, String deadLetterQueue, String parkedFrom, String hubId, String messageType,
                            Instant parkedAt, String failure, int deliveries, int localRetries,
                            Map<String, Object> headers, byte[] body) {

    static final String ID_PREFIX = "ID:";
    /** Where Artemis notes the queue of a message it dead-lettered itself (the catch-all DLQ). */
    private static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";

    static ParkedMessage of(String deadLetterQueue, Message message) throws JMSException {
        Map<String, Object> headers = new TreeMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            headers.put(String.valueOf(name), message.getObjectProperty(String.valueOf(name)));
        }
        String id = message.getJMSMessageID();
        Object parkedAt = headers.get(ParkedHeaders.PARKED_AT);
        return new ParkedMessage(id != null && id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length()) : id,
                deadLetterQueue, text(headers.getOrDefault(ParkedHeaders.PARKED_FROM, headers.get(BROKER_ORIGINAL_QUEUE))),
                text(headers.get(Headers.HUB_ID)),
                text(headers.get(Headers.MESSAGE_TYPE)),
                parkedAt instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.ofEpochMilli(message.getJMSTimestamp()),
                text(headers.get(ParkedHeaders.FAILURE)), number(headers.get(ParkedHeaders.DELIVERIES)),
                number(headers.get(ParkedHeaders.LOCAL_RETRIES)), headers, ParkMessage.body(message));
    }

    /** The body as text (the hub's messages are XML in UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
