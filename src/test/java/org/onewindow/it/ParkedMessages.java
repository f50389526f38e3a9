package org.onewindow.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Collections;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What an operator sees on the broker: messages parked on the dead-letter queue (processing failed every attempt),
 * and messages still waiting on a queue.
 */
final class ParkedMessages {
    private ParkedMessages() {
    }

    static int count(String brokerUrl) throws JMSException {
        return waiting(brokerUrl, "DLQ");
    }

    /** How many messages wait on the queue, read without taking them. */
    static int waiting(String brokerUrl, String queue) throws JMSException {
        try (ActiveMQConnectionFactory factory = ReplyCollector.factory(brokerUrl); Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (var browser = session.createBrowser(session.createQueue(queue))) {
                return Collections.list(browser.getEnumeration()).size();
            }
        }
    }
}
