package org.onewindow.bench;

import java.util.Arrays;

/**
 * One measured load: declarations sent, those that got no NX5106 (must be 0) and second NX5106s (must be 0),
 * the wall time from the first submit to the last NX5106, the end-to-end rate, CPU cores used and latencies.
 */
record Measurement(String channel, boolean signed, double offeredRate, int declarations, int missing, int duplicates,
                   double seconds, double perSecond, double cores, Latency latency) {

    /** Submit (or, at a fixed rate, when it was due) to merged NX5106 delivered, in milliseconds. */
    record Latency(double p50, double p99, double max) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(ms(sorted, 0.50), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double ms(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
