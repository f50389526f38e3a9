package org.onewindow.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Whether a soak held steady (issue 6: "flat throughput and flat heap"), by rules the benchmark sets:
 * <ul>
 * <li>throughput: every window after the first (which starts with no NX5106 under way) delivered within ±10% of the
 *     offered rate, and over those windows the last third's mean delivered rate is within ±10% of the first
 *     third's;</li>
 * <li>heap: over the windows after the first two (the hub's caches and pools are still filling in those), the
 *     least-squares slope of the live heap, in MB per 10 minutes, adds up over the whole soak to at most 10% of
 *     their mean live heap, and the last third's mean live heap is at most 10% above the first third's;</li>
 * <li>latency: the p99 of the declarations due in the soak's last third is at most 1.5 × that of its first
 *     third;</li>
 * <li>complete: every declaration got exactly one NX5106.</li>
 * </ul>
 * A third is a third of the windows in question, at least one. The data directory's growth (least-squares slope over
 * the same windows as the heap's) is reported beside them, without a verdict.
 */
record SoakVerdicts(boolean met, boolean throughputFlat, double worstWindowDeviation, double throughputLastToFirst,
                    boolean heapFlat, double heapSlopeMbPer10Minutes, double heapGrowthOverSoakMb,
                    double heapLastToFirst, boolean latencySteady, double p99FirstThirdMs, double p99LastThirdMs,
                    double p99LastToFirst, boolean complete, int missing, int duplicates, double dataSlopeMbPer10Minutes) {
    static final int MIN_WINDOWS = 4;
    private static final double RATE_TOLERANCE = 0.10;
    private static final double HEAP_TOLERANCE = 0.10;
    private static final double P99_DRIFT_LIMIT = 1.5;
    private static final int HEAP_SETTLING_WINDOWS = 2;

    /** How many windows make a third of {@code windows}. */
    static int third(int windows) {
        return Math.max(1, windows / 3);
    }

    /** The verdicts on these windows, given the latencies of the declarations due in the first and last thirds. */
    static SoakVerdicts of(List<SoakWindow> windows, Measurement.Latency firstThird, Measurement.Latency lastThird,
                           int missing, int duplicates) {
        if (windows.size() < MIN_WINDOWS) {
            throw new IllegalArgumentException("A soak needs at least " + MIN_WINDOWS + " windows, got " + windows.size());
        }
        List<SoakWindow> underWay = windows.subList(1, windows.size());
        double worst = 0;
        for (SoakWindow w : underWay) {
            worst = Math.max(worst, Math.abs(w.deliveredPerSecond() / w.offeredPerSecond() - 1));
        }
        double rateRatio = lastToFirst(underWay, SoakWindow::deliveredPerSecond);
        boolean throughputFlat = worst <= RATE_TOLERANCE && Math.abs(rateRatio - 1) <= RATE_TOLERANCE;

        List<SoakWindow> settled = windows.subList(HEAP_SETTLING_WINDOWS, windows.size());
        double slopePerSecond = slope(settled, w -> w.footprint().liveHeapMb());
        double soakSeconds = windows.get(windows.size() - 1).toSecond() - windows.get(0).fromSecond();
        double growth = slopePerSecond * soakSeconds;
        double meanHeap = settled.stream().mapToDouble(w -> w.footprint().liveHeapMb()).average().orElseThrow();
        double heapRatio = lastToFirst(settled, w -> w.footprint().liveHeapMb());
        boolean heapFlat = growth <= HEAP_TOLERANCE * meanHeap && heapRatio <= 1 + HEAP_TOLERANCE;

        double p99First = firstThird == null ? Double.NaN : firstThird.p99();
        double p99Last = lastThird == null ? Double.NaN : lastThird.p99();
        double p99Ratio = p99Last / p99First;
        boolean latencySteady = p99Ratio <= P99_DRIFT_LIMIT;
        boolean complete = missing == 0 && duplicates == 0;
        return new SoakVerdicts(throughputFlat && heapFlat && latencySteady && complete, throughputFlat, worst, rateRatio,
                heapFlat, slopePerSecond * 600, growth, heapRatio, latencySteady, p99First, p99Last, p99Ratio, complete,
                missing, duplicates, slope(settled, w -> w.footprint().dataMb()) * 600);
    }

    /** The last third's mean of a figure over the first third's. */
    private static double lastToFirst(List<SoakWindow> windows, ToDoubleFunction<SoakWindow> figure) {
        int third = third(windows.size());
        double first = windows.subList(0, third).stream().mapToDouble(figure).average().orElseThrow();
        double last = windows.subList(windows.size() - third, windows.size()).stream().mapToDouble(figure).average().orElseThrow();
        return last / first;
    }

    /** Least-squares slope of a figure against each window's end, per second. */
    private static double slope(List<SoakWindow> windows, ToDoubleFunction<SoakWindow> figure) {
        double meanT = windows.stream().mapToDouble(SoakWindow::toSecond).average().orElseThrow();
        double meanFigure = windows.stream().mapToDouble(figure).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (SoakWindow w : windows) {
            covariance += (w.toSecond() - meanT) * (figure.applyAsDouble(w) - meanFigure);
            variance += (w.toSecond() - meanT) * (w.toSecond() - meanT);
        }
        return covariance / variance;
    }
}
