package org.onewindow.bench;

import java.lang.management.ManagementFactory;

/** CPU time this JVM (hub, broker, database and the driving clients alike) used over a measured window. */
record Cpu(long startCpuNanos) {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Cpu start() {
        return new Cpu(OS.getProcessCpuTime());
    }

    /** Cores used on average over {@code wallNanos}. */
    double coresSince(long wallNanos) {
        return (OS.getProcessCpuTime() - startCpuNanos) / (double) wallNanos;
    }
}
