package org.onewindow.ops;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.onewindow.deliver.PrepareOutgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a queued message whose processing keeps failing with a transient fault: on its last delivery
 * ({@code onewindow.redelivery.max-attempts}) the error handler calls this step, which turns the exchange into a
 * copy of the message as it arrived — original bytes, its {@code OneWindow*} properties and message group — plus
 * where it came from, when and why it failed, addressed to its stage's dead-letter queue {@code DLQ.<queue>}. The
 * route sends it there in the transaction that consumes the original, so the message is moved, never lost or
 * doubled. Earlier deliveries are not handled: the transaction rolls back and the broker redelivers with back-off.
 */
public final class ParkMessage implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ParkMessage.class);
    private static final int MAX_REASON = 1000;

    private final int maxAttempts;
    private final Clock clock;

    public ParkMessage(int maxAttempts, Clock clock) {
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /** True when the exchange carries a consumed JMS message on its last allowed delivery. */
    public boolean lastAttempt(Exchange exchange) throws JMSException {
        Message message = consumed(exchange);
        return message != null && message.getIntProperty(ParkedHeaders.JMS_DELIVERY_COUNT) >= maxAttempts;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        Message original = consumed(exchange);
        String queue = ((Queue) original.getJMSDestination()).getQueueName();
        Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int localRetries = exchange.getProperty(CountLocalRetry.PROPERTY, 0, Integer.class);
        int deliveries = original.getIntProperty(ParkedHeaders.JMS_DELIVERY_COUNT);

        org.apache.camel.Message parked = exchange.getIn();
        parked.removeHeaders("*");
        for (Object property : Collections.list(original.getPropertyNames())) {
            String name = String.valueOf(property);
            if (name.startsWith(ParkedHeaders.HUB_PREFIX) && !ParkedHeaders.PARKING.contains(name)) {
                parked.setHeader(name, original.getObjectProperty(name));
            }
        }
        String group = original.getStringProperty(ParkedHeaders.JMS_GROUP_ID);
        if (group != null) {
            parked.setHeader(ParkedHeaders.JMS_GROUP_ID, group);
        }
        String reason = reason(fault);
        parked.setHeader(ParkedHeaders.PARKED_FROM, queue);
        parked.setHeader(ParkedHeaders.PARKED_AT, clock.millis());
        parked.setHeader(ParkedHeaders.FAILURE, reason);
        parked.setHeader(ParkedHeaders.DELIVERIES, deliveries);
        parked.setHeader(ParkedHeaders.LOCAL_RETRIES, localRetries);
        parked.setHeader(ParkedHeaders.ORIGINAL_MESSAGE_ID, original.getJMSMessageID());
        parked.setHeader(PrepareOutgoing.QUEUE, ParkedHeaders.DLQ_PREFIX + queue);
        parked.setBody(body(original));
        LOG.error("Parked a message from {} on {} after {} deliveries ({} local retries each): {}", queue,
                ParkedHeaders.DLQ_PREFIX + queue, deliveries, localRetries, reason);
    }

    private static Message consumed(Exchange exchange) {
        return exchange.getIn() instanceof JmsMessage jms ? jms.getJmsMessage() : null;
    }

    /** The message's bytes as they arrived, whatever the route had already read of them. */
    static byte[] body(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        byte[] body = message.getBody(byte[].class);
        return body == null ? new byte[0] : body;
    }

    private static String reason(Throwable fault) {
        if (fault == null) {
            return "unknown";
        }
        String text = fault.getClass().getName() + (fault.getMessage() == null ? "" : ": " + fault.getMessage());
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
