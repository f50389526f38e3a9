package org.onewindow.infra;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.Service;
import org.onewindow.ops.RedeliverySettings;
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

    /** The broker's catch-all dead-letter queue, for what the hub itself could not park. */
    public static final String CATCH_ALL_DLQ = "DLQ";

    /** Message groups (one per case) are hashed into this many buckets, each bound to one consumer. */
    private static final int GROUP_BUCKETS = 256;

    private final HubSettings settings;
    private final RedeliverySettings redelivery;
    private final BrokerAccess access;
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(HubSettings settings, RedeliverySettings redelivery, BrokerAccess access) {
        this.settings = settings;
        this.redelivery = redelivery;
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
                    // retries) is redelivered with back-off; on its last delivery the hub parks it on
                    // DLQ.<queue> (ParkMessage). Only what the hub could not park ends on the catch-all DLQ.
                    .addQueueConfiguration(QueueConfiguration.of(CATCH_ALL_DLQ).setRoutingType(RoutingType.ANYCAST))
                    .addAddressSetting("#", new AddressSettings()
                            .setDeadLetterAddress(SimpleString.of(CATCH_ALL_DLQ))
                            .setMaxDeliveryAttempts(redelivery.brokerMaxAttempts())
                            .setRedeliveryDelay(redelivery.delayMs())
                            .setRedeliveryMultiplier(redelivery.multiplier())
                            .setMaxRedeliveryDelay(redelivery.maxDelayMs())
                            .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                            .setAutoCreateExpiryResources(true)
                            // agency messages are grouped by case (JMSXGroupID) so a case stays in order across
                            // consumers; Artemis keeps a group's consumer until the queue goes away, so one group per
                            // case grew the heap without end (+110 MB in the 30-minute soak). Hashed into buckets, a
                            // case still lands on one consumer and the table has a fixed size.
                            .setDefaultGroupBuckets(GROUP_BUCKETS));
            if (settings.diskMinFree() > 0) {
                // the hub stops intake at onewindow.disk.min-free (ops/DiskSpaceGuard) and must still finish what it
                // took; the broker blocks its producers only at half that, not at its default of 90% of the disk used
                config.setMinDiskFree(settings.diskMinFree() / 2);
            }
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
