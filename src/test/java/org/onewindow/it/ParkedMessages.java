package org.onewindow.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Collections;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** What an operator sees parked on the broker's dead-letter queue: messages whose processing failed every attempt. */
final class ParkedMessages {
    private ParkedMessages() {
    }

    static int count(String brokerUrl) throws JMSException {
        try (ActiveMQConnectionFactory factory = ReplyCollector.factory(brokerUrl); Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (var browser = session.createBrowser(session.createQueue("DLQ"))) {
                return Collections.list(browser.getEnumeration()).size();
            }
        }
    }
}
