package org.onewindow.infra;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * The hub's JMS wiring: one cached connection factory (in-VM to the embedded broker, or the external
 * broker's URL) shared by every consumer and producer, so that sends made while processing a
 * consumed message join its local transaction, and a transacted Camel {@code jms} component on it.
 */
public final class Messaging {
    private Messaging() {
    }

    /** In-VM to the embedded broker as the hub's own user, or to the external broker with the configured credentials. */
    public static CachingConnectionFactory connectionFactory(HubSettings settings, BrokerAccess access) {
        String url = settings.embeddedBroker() ? EmbeddedBroker.IN_VM_URL : settings.brokerUrl();
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(url);
        if (settings.embeddedBroker()) {
            artemis.setUser(BrokerAccess.HUB_USER);
            artemis.setPassword(access.hubPassword());
        } else if (!settings.brokerUser().isEmpty()) {
            artemis.setUser(settings.brokerUser());
            artemis.setPassword(settings.brokerPassword());
        }
        CachingConnectionFactory cached = new CachingConnectionFactory(artemis);
        cached.setSessionCacheSize(32);
        return cached;
    }

    public static JmsComponent transactedComponent(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransactionManager(new JmsTransactionManager(connectionFactory));
        jms.setTransacted(true);
        jms.setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }
}
