package org.onewindow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each soak declaration's merged NX5106 arrived, in one array sized up front (8 bytes a declaration), so
 * the driver's own memory does not grow during the soak and muddy the hub's heap figures; a second NX5106 for a
 * declaration counts as a duplicate, one for a declaration outside the soak as a stray.
 */
final class ArrivalLedger implements ReplyWatch.Arrivals {
    private final int firstSerial;
    private final AtomicLongArray arrivedAt;
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger strays = new AtomicInteger();

    ArrivalLedger(int firstSerial, int count) {
        this.firstSerial = firstSerial;
        this.arrivedAt = new AtomicLongArray(count);
    }

    @Override
    public void merged(String declarationNo, String caseId, long atNanos) {
        int index = DeclarationFactory.serialOf(declarationNo) - firstSerial;
        if (index < 0 || index >= arrivedAt.length()) {
            strays.incrementAndGet();
        } else if (!arrivedAt.compareAndSet(index, 0, atNanos)) {
            duplicates.incrementAndGet();
        }
    }

    /** What happened to the declarations due in [from, to): how many, how many had their NX5106, and how fast. */
    Traffic traffic(Schedule schedule, long from, long to) {
        int delivered = 0;
        for (int i = 0; i < arrivedAt.length(); i++) {
            long at = arrivedAt.get(i);
            if (at != 0 && at >= from && at < to) {
                delivered++;
            }
        }
        // the declarations due in the span are consecutive
        int first = 0;
        while (first < arrivedAt.length() && schedule.dueAt(first) < from) {
            first++;
        }
        int end = first;
        while (end < arrivedAt.length() && schedule.dueAt(end) < to) {
            end++;
        }
        long[] latencies = new long[end - first];
        int answered = 0;
        for (int i = first; i < end; i++) {
            long at = arrivedAt.get(i);
            if (at != 0) {
                latencies[answered++] = at - schedule.dueAt(i);
            }
        }
        return new Traffic(end - first, delivered, end - first - answered,
                answered == 0 ? null : Measurement.Latency.of(Arrays.copyOf(latencies, answered)));
    }

    /** Declarations due in a span, NX5106s delivered in it, those due in it still without one, and their latencies. */
    record Traffic(int due, int delivered, int unanswered, Measurement.Latency latency) {
    }

    /** Waits until every declaration has its NX5106; false if the deadline passes first. */
    boolean awaitAll(long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (missing() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    int missing() {
        int missing = 0;
        for (int i = 0; i < arrivedAt.length(); i++) {
            if (arrivedAt.get(i) == 0) {
                missing++;
            }
        }
        return missing;
    }

    /** The declaration numbers of up to {@code limit} declarations still without an NX5106, to look them up in the hub. */
    List<String> firstMissing(int limit) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < arrivedAt.length() && numbers.size() < limit; i++) {
            if (arrivedAt.get(i) == 0) {
                numbers.add(DeclarationFactory.number(firstSerial + i));
            }
        }
        return numbers;
    }

    int duplicates() {
        return duplicates.get();
    }

    int strays() {
        return strays.get();
    }
}
