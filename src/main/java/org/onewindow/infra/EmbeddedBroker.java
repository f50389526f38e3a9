package org.onewindow.infra;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default broker: ActiveMQ Artemis inside the hub's JVM, persistent under {@code <data-dir>/broker}.
 * The hub itself connects in-VM ({@code vm://0}); back offices and agency systems reach the same broker
 * through one TCP acceptor that speaks CORE and AMQP 1.0, each with its party's credentials and permissions
 * ({@link BrokerAccess}). Not used when {@code onewindow.broker.url}
 * names an external broker.
 */
public final class EmbeddedBroker implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** In-VM URL the hub's own connection factory uses. */
    public static final String IN_VM_URL = "vm://0";

    private final HubSettings settings;
    private final BrokerAccess access;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(HubSettings settings, BrokerAccess access) {
        this.settings = settings;
        this.access = access;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        String dir = settings.dataDir().resolve("broker").toAbsolutePath().toString();
        String acceptor = "tcp://" + settings.brokerHost() + ":" + settings.brokerPort() + "?protocols=CORE,AMQP";
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("onewindow")
                    .setPersistenceEnabled(true)
                    .setJournalDirectory(dir + "/journal")
                    .setBindingsDirectory(dir + "/bindings")
                    .setLargeMessagesDirectory(dir + "/large-messages")
                    .setPagingDirectory(dir + "/paging")
                    .setNodeManagerLockDirectory(dir)
                    // every connection logs in (party id + API token, or the hub's own user) and may use only the
                    // queues BrokerAccess grants it; the user a message was sent by travels with it
                    .setSecurityEnabled(true)
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration("in-vm", IN_VM_URL)
                    .addAcceptorConfiguration("tcp", acceptor)
                    // a message whose processing keeps failing (a transient fault outlasting the local
                    // retries) is redelivered with back-off, then parked on DLQ.<queue> for an operator
                    .addAddressSetting("#", new AddressSettings()
                            .setDeadLetterAddress(SimpleString.of("DLQ"))
                            .setAutoCreateDeadLetterResources(true)
                            .setMaxDeliveryAttempts(5)
                            .setRedeliveryDelay(500)
                            .setRedeliveryMultiplier(2.0)
                            .setMaxRedeliveryDelay(10_000)
                            .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                            .setAutoCreateExpiryResources(true));
            config.registerBrokerPlugin(new StampBrokerUser());
            server = new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(access);
            server.start();
            LOG.info("Embedded Artemis started, journal in {}, acceptor {}", dir, acceptor);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded broker could not start", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Embedded broker did not stop cleanly", e);
        } finally {
            server = null;
        }
    }
}
