package org.onewindow.deliver;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.onewindow.message.HubIds;

/**
 * The hub id of a message consumed from a queue, the same every time the broker delivers it: derived from the
 * broker's message id, the time its producer sent it (JMSTimestamp, which leads the id as in every hub id:
 * {@link HubIds}) and the body's digest. A redelivery after a crash therefore finds the record and outputs the
 * first delivery stored ({@link RedeliveryGuard}). The digest keeps a sender that reuses another's message id (AMQP
 * clients choose their own) from being taken for a redelivery of a different message.
 */
public final class RedeliveryId {
    private RedeliveryId() {
    }

    /** {@code sentAt}: the message's JMSTimestamp in milliseconds (0 when its producer sent none). */
    public static String of(String jmsMessageId, long sentAt, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.valueOf(jmsMessageId).getBytes(StandardCharsets.UTF_8));
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(body.length).array());
            digest.update(body);
            return HubIds.of(sentAt, digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
