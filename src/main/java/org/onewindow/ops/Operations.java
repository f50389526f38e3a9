package org.onewindow.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.onewindow.api.ParkedApi;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.store.Jdbc;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Wires what an operator of the hub uses: parking of failing messages ({@code parkMessage}) and the parked-message
 * API ({@code parkedApi}), the log context of each message, the Micrometer registry (bound as
 * {@code metricsRegistry}, which camel-micrometer-prometheus adds Camel's route meters to) with the hub's meters,
 * and the health and metrics endpoints under {@code /observe/}.
 */
public final class Operations {
    /** How long a broker management request may take before the broker counts as not answering. */
    private static final Duration MANAGEMENT_TIMEOUT = Duration.ofSeconds(2);
    /** The name under which camel-micrometer-prometheus finds (or leaves) the registry it adds Camel's meters to. */
    private static final String METRICS_REGISTRY = "metricsRegistry";

    private Operations() {
    }

    public static void install(CamelContext context, RedeliverySettings redelivery, CachingConnectionFactory connections,
                               DataSource dataSource, Jdbc jdbc, SchemaRegistry schemas, DiskSpaceGuard disk, Clock clock)
            throws Exception {
        Registry registry = context.getRegistry();
        Supplier<List<String>> consumedQueues = () -> consumedQueues(context);
        BrokerQueues broker = new BrokerQueues(connections, MANAGEMENT_TIMEOUT);
        ParkedActions actions = new ParkedActions(jdbc, clock);
        ParkedMessages parked = new ParkedMessages(connections.getTargetConnectionFactory(), broker, consumedQueues, jdbc, actions);
        registry.bind("parkMessage", new ParkMessage(redelivery.maxAttempts(), clock));
        registry.bind("countLocalRetry", new CountLocalRetry());
        registry.bind("parkedApi", new ParkedApi(parked, actions));

        MessageLogContext logContext = new MessageLogContext();
        TimeDelivery timeDelivery = new TimeDelivery();
        context.addRoutePolicyFactory((camel, routeId, route) -> logContext);
        context.addRoutePolicyFactory((camel, routeId, route) -> TimeDelivery.ROUTE_ID.equals(routeId) ? timeDelivery : null);

        PrometheusMeterRegistry meters = registry.lookupByNameAndType(METRICS_REGISTRY, PrometheusMeterRegistry.class);
        if (meters == null) { // camel-micrometer-prometheus, when it starts after us, takes ours
            meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.bind(METRICS_REGISTRY, meters);
        }
        context.addService(new PublishedMeters(meters), true, true);
        QueueGauges gauges = new QueueGauges(meters, broker, consumedQueues, parked::deadLetterQueues);
        Gauge.builder("onewindow.disk.free", disk, DiskSpaceGuard::freeBytes).baseUnit("bytes")
                .description("Free space on the data directory's disk at the last check").register(meters);
        Gauge.builder("onewindow.intake.paused", disk, guard -> guard.full() ? 1 : 0)
                .description("1 while intake is paused because the disk is nearly full (onewindow.disk.min-free)").register(meters);
        context.addStartupListener(new ObserveEndpoints(new HubHealth(context, broker, dataSource, schemas, disk), meters, gauges));
    }

    /** The queues the hub's routes consume, in route order. */
    private static List<String> consumedQueues(CamelContext context) {
        return context.getRoutes().stream().map(Route::getEndpoint)
                .filter(JmsEndpoint.class::isInstance).map(e -> ((JmsEndpoint) e).getDestinationName())
                .distinct().toList();
    }

    /** Publishes the hub's meters to its registry while the hub runs. */
    private static final class PublishedMeters extends ServiceSupport {
        private final PrometheusMeterRegistry meters;

        PublishedMeters(PrometheusMeterRegistry meters) {
            this.meters = meters;
        }

        @Override
        protected void doStart() {
            HubMetrics.publishTo(meters);
        }

        @Override
        protected void doStop() {
            HubMetrics.withdrawFrom(meters);
        }
    }
}
