package org.onewindow.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hub's own meters, on Micrometer's global registry so that any step can count or time with one call and no
 * wiring; the hub adds its Prometheus registry to it at start ({@link #publishTo}) and removes it at stop. Stage
 * timers are registered once; counters are looked up once per tag combination and cached (types, channels and
 * error codes are few), so a message costs a map lookup and an increment. Without a registry added (unit tests,
 * CLI) every meter is a no-op.
 */
public final class HubMetrics {
    /** The stages of a declaration's life that are timed: {@code onewindow_stage_seconds{stage=…}}. */
    public enum Stage {
        ADMIT, ROUTE, CORRELATE, DELIVER;

        private final Timer timer = Timer.builder("onewindow.stage")
                .description("Time a message spends in one processing stage")
                .tag("stage", name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentileHistogram(false)
                .register(Metrics.globalRegistry);

        /** Records the time since {@code startNanos} (from {@link System#nanoTime()}). */
        public void since(long startNanos) {
            timer.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private static final Map<String, Counter> IN = new ConcurrentHashMap<>();
    private static final Map<String, Counter> OUT = new ConcurrentHashMap<>();
    private static final Map<String, Counter> REJECTED = new ConcurrentHashMap<>();
    private static final String UNKNOWN = "unknown";
    private static final Counter ARCHIVED = Counter.builder("onewindow.archived.bodies")
            .description("Message bodies moved from the database to archive files (retention)").register(Metrics.globalRegistry);

    private HubMetrics() {
    }

    /** A message received and read (or found unreadable): {@code onewindow_messages_in_total{type,channel}}. */
    public static void messageIn(String type, String channel) {
        count(IN, "onewindow.messages.in", "Messages received, by type and channel", type, channel);
    }

    /** A message put on its way out: {@code onewindow_messages_out_total{type,channel}}. */
    public static void messageOut(String type, String channel) {
        count(OUT, "onewindow.messages.out", "Messages sent, by type and channel", type, channel);
    }

    /** A message rejected: {@code onewindow_rejections_total{code}}. */
    public static void rejected(String code) {
        String key = code == null ? UNKNOWN : code;
        REJECTED.computeIfAbsent(key, c -> Counter.builder("onewindow.rejections")
                .description("Messages rejected, by error code").tag("code", c).register(Metrics.globalRegistry)).increment();
    }

    /** Message bodies moved to an archive file: {@code onewindow_archived_bodies_total}. */
    public static void archived(int bodies) {
        ARCHIVED.increment(bodies);
    }

    /** Lets the registry publish every meter of the hub (and of any later one). */
    public static void publishTo(MeterRegistry registry) {
        Metrics.addRegistry(registry);
    }

    /** Stops publishing to the registry (the hub stopped). */
    public static void withdrawFrom(MeterRegistry registry) {
        Metrics.removeRegistry(registry);
    }

    private static void count(Map<String, Counter> cache, String name, String description, String type, String channel) {
        String t = type == null ? UNKNOWN : type;
        String c = channel == null ? UNKNOWN : channel;
        cache.computeIfAbsent(t + '|' + c, key -> Counter.builder(name).description(description).tag("type", t)
                .tag("channel", c).register(Metrics.globalRegistry)).increment();
    }
}
