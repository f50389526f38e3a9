package org.onewindow.bench;

/**
 * When each declaration of an open-loop load is due: the {@code i}-th at {@code start + i × period}
 * (System.nanoTime), {@code count} of them. A declaration's latency runs from when it was due, so a sender that
 * falls behind cannot hide queueing.
 */
record Schedule(long start, long period, int count) {

    /** {@code count} declarations at {@code perSecond}, the first due at {@code start}. */
    static Schedule at(double perSecond, long start, int count) {
        return new Schedule(start, (long) (1e9 / perSecond), count);
    }

    /** As many declarations at {@code perSecond} as are due within {@code nanos} from {@code start}. */
    static Schedule lasting(double perSecond, long start, long nanos) {
        long period = (long) (1e9 / perSecond);
        return new Schedule(start, period, (int) ((nanos - 1) / period) + 1);
    }

    /** The same declarations, the first due at {@code start}. */
    Schedule startingAt(long start) {
        return new Schedule(start, period, count);
    }

    long dueAt(int index) {
        return start + index * period;
    }

    /** When the declaration after the last would be due: the end of the schedule. */
    long end() {
        return dueAt(count);
    }
}
