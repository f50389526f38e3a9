package org.onewindow.bench;

/**
 * One window of a soak: the declarations due in it and the NX5106s delivered in it (as rates), the latencies of
 * those due in it (from due to NX5106, wherever it fell), those of them still without one, the CPU the JVM used
 * in it in cores (hub and driver alike) and the part of it spent making the declarations, and the hub's footprint at
 * its end.
 */
record SoakWindow(int number, double fromSecond, double toSecond, int due, int delivered, int unanswered,
                  double offeredPerSecond, double deliveredPerSecond, Measurement.Latency latency, double cores,
                  double makingCores, Footprint footprint) {

    static SoakWindow of(int number, double fromSecond, double toSecond, ArrivalLedger.Traffic traffic, double cores,
                         double makingCores, Footprint footprint) {
        double seconds = toSecond - fromSecond;
        return new SoakWindow(number, fromSecond, toSecond, traffic.due(), traffic.delivered(), traffic.unanswered(),
                traffic.due() / seconds, traffic.delivered() / seconds, traffic.latency(), cores, makingCores, footprint);
    }
}
