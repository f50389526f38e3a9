package org.onewindow.infra;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;

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
        // the listener containers keep their own consumers (CACHE_CONSUMER); a consumer cached here outlived its
        // container when a route stopped (the disk guard pauses intake so), and the broker went on filling its buffer
        // with messages that then waited, unread, until the hub restarted
        cached.setCacheConsumers(false);
        return cached;
    }

    /**
     * Local JMS transactions, no transaction manager: the listener container consumes on its own session, commits it
     * after the route has run, and exposes it to the route's sends, so a consumed message and everything sent while
     * processing it commit together. (With a JmsTransactionManager and CACHE_CONSUMER the container acknowledged on
     * its cached session and the sends went out on the manager's session: two commits, the acknowledgement first —
     * a crash between them lost the sends, as the crash test showed.)
     */
    public static JmsComponent transactedComponent(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        jms.setCacheLevelName("CACHE_CONSUMER");
        return jms;
    }
}
