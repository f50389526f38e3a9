package org.onewindow.ops;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.onewindow.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parked messages on the dead-letter queues of the queues the hub consumes ({@code DLQ.<queue>}, plus the
 * broker's catch-all {@code DLQ}): counts, a page of them, one with its headers and body; replay (the message goes
 * back on the queue it came from, without its parking properties) and discard. A replay or discard takes the
 * message off its dead-letter queue in a JMS transaction that commits only after the action is recorded in the
 * audit ({@link ParkedActions}), so no action happens unaudited. The hub's cached connection factory is
 * not used here: a cached consumer would keep parked messages prefetched after the call.
 */
public final class ParkedMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ParkedMessages.class);
    /** What a broker message id looks like once its ID: prefix is off; anything else never reaches a selector. */
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9-]{1,80}");
    private static final Duration RECEIVE_WAIT = Duration.ofSeconds(2);

    /** A dead-letter queue, the queue it parks for, and how many messages wait on it. */
    public record ParkedQueue(String deadLetterQueue, String parkedFrom, long count) {
    }

    private final ConnectionFactory connections;
    private final BrokerQueues broker;
    private final Supplier<List<String>> consumedQueues;
    private final Jdbc jdbc;
    private final ParkedActions actions;

    public ParkedMessages(ConnectionFactory connections, BrokerQueues broker, Supplier<List<String>> consumedQueues, Jdbc jdbc,
                          ParkedActions actions) {
        this.connections = connections;
        this.broker = broker;
        this.consumedQueues = consumedQueues;
        this.jdbc = jdbc;
        this.actions = actions;
    }

    /** Every dead-letter queue the hub parks on, with the queue it parks for (null for the catch-all). */
    public Map<String, String> deadLetterQueues() {
        Map<String, String> queues = new LinkedHashMap<>();
        for (String queue : consumedQueues.get()) {
            queues.put(ParkedHeaders.DLQ_PREFIX + queue, queue);
        }
        queues.put(org.onewindow.infra.EmbeddedBroker.CATCH_ALL_DLQ, null);
        return queues;
    }

    /** Every dead-letter queue with its count, in the order of the hub's stages. */
    public List<ParkedQueue> queues() throws JMSException {
        Map<String, String> queues = deadLetterQueues();
        Map<String, Long> depths = broker.depths(List.copyOf(queues.keySet()));
        List<ParkedQueue> list = new ArrayList<>();
        queues.forEach((dlq, from) -> list.add(new ParkedQueue(dlq, from, depths.getOrDefault(dlq, 0L))));
        return list;
    }

    /** True when the hub parks on this queue (only those can be read or changed here). */
    public boolean isDeadLetterQueue(String queue) {
        return queue != null && deadLetterQueues().containsKey(queue);
    }

    /** The first {@code limit} messages parked on the queue, oldest first. */
    public List<ParkedMessage> list(String deadLetterQueue, int limit) throws JMSException {
        List<ParkedMessage> page = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(deadLetterQueue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && page.size() < limit) {
                    page.add(ParkedMessage.of(deadLetterQueue, (Message) messages.nextElement()));
                }
            }
        }
        return page;
    }

    /** One parked message, read without taking it. */
    public Optional<ParkedMessage> show(String deadLetterQueue, String id) throws JMSException {
        if (!MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(deadLetterQueue), selector(id))) {
                Enumeration<?> messages = browser.getEnumeration();
                return messages.hasMoreElements()
                        ? Optional.of(ParkedMessage.of(deadLetterQueue, (Message) messages.nextElement()))
                        : Optional.empty();
            }
        }
    }

    /** Puts the parked message back on the queue it came from; empty when no such message is parked there. */
    public Optional<ParkedMessage> replay(String actor, String deadLetterQueue, String id) throws JMSException {
        return take(actor, "REPLAY", deadLetterQueue, id, (session, parked) -> {
            if (parked.parkedFrom() == null) {
                throw new IllegalArgumentException("Message " + id + " on " + deadLetterQueue
                        + " does not say which queue it came from; it can only be discarded");
            }
            BytesMessage again = session.createBytesMessage();
            again.writeBytes(parked.body());
            for (Map.Entry<String, Object> header : parked.headers().entrySet()) {
                if (header.getKey().startsWith(ParkedHeaders.HUB_PREFIX) && !ParkedHeaders.PARKING.contains(header.getKey())) {
                    again.setObjectProperty(header.getKey(), header.getValue());
                }
            }
            Object group = parked.headers().get(ParkedHeaders.JMS_GROUP_ID);
            if (group != null) {
                again.setStringProperty(ParkedHeaders.JMS_GROUP_ID, String.valueOf(group));
            }
            try (MessageProducer producer = session.createProducer(session.createQueue(parked.parkedFrom()))) {
                producer.send(again);
            }
        });
    }

    /** Removes the parked message for good; empty when no such message is parked there. */
    public Optional<ParkedMessage> discard(String actor, String deadLetterQueue, String id) throws JMSException {
        return take(actor, "DISCARD", deadLetterQueue, id, (session, parked) -> {
        });
    }

    @FunctionalInterface
    private interface Action {
        void apply(Session session, ParkedMessage parked) throws JMSException;
    }

    /**
     * Takes the message off its dead-letter queue in a JMS transaction, applies the action in it, records the audit
     * row in a database transaction, and commits the JMS transaction last: a failure before that leaves the message
     * parked and unaudited (only a broker failing in the commit itself leaves an audit row for a message still
     * parked).
     */
    private Optional<ParkedMessage> take(String actor, String action, String deadLetterQueue, String id, Action apply)
            throws JMSException {
        if (!MESSAGE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(deadLetterQueue), selector(id))) {
                Message message = consumer.receive(RECEIVE_WAIT.toMillis());
                if (message == null) {
                    session.rollback();
                    return Optional.empty();
                }
                ParkedMessage parked = ParkedMessage.of(deadLetterQueue, message);
                try {
                    apply.apply(session, parked);
                    jdbc.inTransaction(() -> {
                        actions.record(actor, action, parked);
                        return null;
                    });
                    session.commit();
                } catch (JMSException | RuntimeException e) {
                    session.rollback();
                    throw e;
                }
                LOG.warn("{} by {}: message {} (hub id {}) on {}, parked because: {}", action, actor, id, parked.hubId(),
                        deadLetterQueue, parked.failure());
                return Optional.of(parked);
            }
        }
    }

    private static String selector(String id) {
        return "JMSMessageID = '" + ParkedMessage.ID_PREFIX + id + "'";
    }
}
