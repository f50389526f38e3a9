package org.onewindow.intake;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a queued message's body keeping at most the size limit plus one byte. Artemis streams a large
 * message (over 100 KiB) to the consumer in pieces; handed an output stream ({@code JMS_AMQ_SaveStream})
 * it passes each piece on as it arrives and keeps none, so a 200 MB message costs the hub its head, not
 * 200 MB. Reading the body with {@code readBytes} and stopping early instead left the unread rest
 * buffered in the client. A text message (AMQP string body) arrives whole from the client library and
 * is bounded the same way afterwards.
 */
final class QueuedBody {
    /** Artemis: hands the body to an output stream piece by piece as it arrives, holding none of it. */
    private static final String SAVE_STREAM = "JMS_AMQ_SaveStream";

    private QueuedBody() {
    }

    static BodyHead read(Message message, int maxBytes) throws JMSException {
        BodyHead head = new BodyHead(maxBytes);
        if (message instanceof BytesMessage bytes) {
            bytes.setObjectProperty(SAVE_STREAM, new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] chunk, int offset, int length) {
                    head.add(chunk, offset, length);
                }
            });
        } else if (message instanceof TextMessage text && text.getText() != null) {
            byte[] body = text.getText().getBytes(StandardCharsets.UTF_8);
            head.add(body, 0, body.length);
        }
        return head;
    }
}
