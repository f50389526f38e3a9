package org.onewindow.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Follows an outcome as a client would, asking again every 50 ms until it holds or the deadline passes. */
final class Poll {
    @FunctionalInterface
    interface Outcome<T> {
        /** The value once the outcome holds; null while it does not yet. */
        T get() throws Exception;
    }

    private Poll() {
    }

    static <T> T until(String what, Duration deadline, Outcome<T> outcome) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T value = outcome.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("Gave up after " + deadline + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
