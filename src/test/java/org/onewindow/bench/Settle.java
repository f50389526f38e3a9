package org.onewindow.bench;

/**
 * Waits, before a fixed-rate measurement, until the hub has digested what came before it. After a full-speed burst
 * the hub keeps working for a minute or two (its message-log sealer catching up, H2 writing and compacting what the
 * burst stored), so a fixed rate started at once measures that digestion as well as the rate (docs/performance.md,
 * "The tail at half the rate, looked at again"). Quiet means the JVM used less than {@code quietCores} over
 * {@code WINDOW_MILLIS}; the wait ends there or after {@code maxSeconds}, whichever comes first.
 */
record Settle(double quietCores, int maxSeconds) {
    private static final long WINDOW_MILLIS = 2_000;

    /** Seconds waited (0 when off), and the cores of the last window. */
    record Waited(double seconds, double cores) {
    }

    Waited await() throws InterruptedException {
        if (maxSeconds <= 0) {
            return new Waited(0, 0);
        }
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        double cores;
        do {
            Cpu cpu = Cpu.start();
            long windowStart = System.nanoTime();
            Thread.sleep(WINDOW_MILLIS);
            cores = cpu.coresSince(System.nanoTime() - windowStart);
        } while (cores >= quietCores && System.nanoTime() < deadline);
        Waited waited = new Waited((System.nanoTime() - start) / 1e9, cores);
        System.out.printf("settled after %.0f s (%.2f cores over the last %d s)%n", waited.seconds(), cores, WINDOW_MILLIS / 1000);
        return waited;
    }
}
