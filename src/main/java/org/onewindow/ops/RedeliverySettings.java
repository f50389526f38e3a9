package org.onewindow.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * How a message whose processing fails with a transient fault is tried again ({@code onewindow.redelivery.*} in
 * {@code application.properties}): the broker redelivers it up to {@code maxAttempts} times, waiting
 * {@code delayMs} at first, multiplied by {@code multiplier} each time up to {@code maxDelayMs}; then the hub
 * parks it on its stage's dead-letter queue.
 */
public record RedeliverySettings(int maxAttempts, long delayMs, double multiplier, long maxDelayMs) {

    public static RedeliverySettings from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        return new RedeliverySettings(
                Integer.parseInt(get(p, "onewindow.redelivery.max-attempts", "5")),
                Long.parseLong(get(p, "onewindow.redelivery.delay-ms", "500")),
                Double.parseDouble(get(p, "onewindow.redelivery.multiplier", "2.0")),
                Long.parseLong(get(p, "onewindow.redelivery.max-delay-ms", "10000")));
    }

    /**
     * The broker's own limit, a little above the hub's: a message the hub could not park (the broker failing while
     * it tried) still ends on the broker's catch-all queue DLQ instead of circling for ever.
     */
    public int brokerMaxAttempts() {
        return maxAttempts + 2;
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
