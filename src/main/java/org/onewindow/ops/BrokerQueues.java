package org.onewindow.ops;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Asks the broker about itself through Artemis' management address ({@code activemq.management}) with plain JMS
 * request messages, so it works the same for the embedded broker and an external one (whose hub user then needs
 * the {@code manage} permission): how many messages wait on a queue, and whether the broker answers at all.
 */
public final class BrokerQueues {
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connections;
    private final Duration timeout;

    public BrokerQueues(ConnectionFactory connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    /** Messages waiting on each queue; 0 for a queue the broker does not have (yet). One round trip per queue. */
    public Map<String, Long> depths(List<String> queues) throws JMSException {
        Map<String, Long> depths = new LinkedHashMap<>();
        try (Requests requests = new Requests()) {
            for (String queue : queues) {
                Object count = requests.attribute(ResourceNames.QUEUE + queue, "messageCount");
                depths.put(queue, count instanceof Number n ? n.longValue() : 0L);
            }
        }
        return depths;
    }

    /** The broker's version; a JMSException when it does not answer within the timeout. */
    public String version() throws JMSException {
        try (Requests requests = new Requests()) {
            Object version = requests.attribute(ResourceNames.BROKER, "version");
            if (version == null) {
                throw new JMSException("The broker did not answer a management request within " + timeout);
            }
            return String.valueOf(version);
        }
    }

    /** One session and one reply queue for a few management requests. */
    private final class Requests implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private final TemporaryQueue replies;
        private final MessageConsumer answers;

        Requests() throws JMSException {
            connection = connections.createConnection();
            try {
                connection.start();
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                replies = session.createTemporaryQueue();
                answers = session.createConsumer(replies);
            } catch (JMSException e) {
                connection.close();
                throw e;
            }
        }

        /** The attribute's value, or null when the resource does not exist or no answer came in time. */
        Object attribute(String resource, String attribute) throws JMSException {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = answers.receive(timeout.toMillis());
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                return null;
            }
            try {
                return JMSManagementHelper.getResult(reply);
            } catch (Exception e) {
                throw new JMSException("Unreadable management answer for " + resource + ": " + e.getMessage());
            }
        }

        @Override
        public void close() throws JMSException {
            try {
                answers.close();
                replies.delete();
                session.close();
            } finally {
                connection.close();
            }
        }
    }
}
