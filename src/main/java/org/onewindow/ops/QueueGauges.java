package org.onewindow.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depths as gauges, refreshed once per scrape (one management round trip per queue), never per message:
 * {@code onewindow_queue_depth{queue}} for every queue the hub consumes and {@code onewindow_parked_messages{queue}}
 * for each of their dead-letter queues. A broker that does not answer leaves the last values.
 */
public final class QueueGauges {
    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);

    private final MeterRegistry registry;
    private final BrokerQueues broker;
    private final Supplier<List<String>> consumedQueues;
    private final Supplier<Map<String, String>> deadLetterQueues;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public QueueGauges(MeterRegistry registry, BrokerQueues broker, Supplier<List<String>> consumedQueues,
                       Supplier<Map<String, String>> deadLetterQueues) {
        this.registry = registry;
        this.broker = broker;
        this.consumedQueues = consumedQueues;
        this.deadLetterQueues = deadLetterQueues;
    }

    /** Reads every depth from the broker into its gauge. */
    public void refresh() {
        List<String> queues = consumedQueues.get();
        List<String> parked = List.copyOf(deadLetterQueues.get().keySet());
        List<String> all = new ArrayList<>(queues);
        all.addAll(parked);
        try {
            Map<String, Long> depths = broker.depths(all);
            queues.forEach(q -> gauge("onewindow.queue.depth", "Messages waiting on a queue the hub consumes", q).set(depths.get(q)));
            parked.forEach(q -> gauge("onewindow.parked.messages", "Messages parked on a dead-letter queue", q).set(depths.get(q)));
        } catch (Exception e) {
            LOG.warn("Queue depths not refreshed, the broker did not answer: {}", e.toString());
        }
    }

    private AtomicLong gauge(String name, String description, String queue) {
        return values.computeIfAbsent(name + '|' + queue, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("queue", queue).register(registry);
            return value;
        });
    }
}
