package org.onewindow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's declarations, made chunk by chunk on a thread of their own a few chunks ahead of the senders, so a run
 * of hundreds of thousands never holds more than {@value #CHUNKS_AHEAD} chunks and the one being sent; handed out in
 * order, each when its schedule says it is due. Making a declaration costs about a millisecond of CPU in this JVM,
 * which the soak reports apart from the rest.
 */
final class DeclarationStream implements AutoCloseable {
    private static final int CHUNKS_AHEAD = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int count;
    private final int chunkSize;
    private final BlockingQueue<List<HubSession.Submission>> ready = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final ExecutorService maker = Executors.newSingleThreadExecutor(r -> new Thread(r, "soak-declarations"));
    private final Future<?> making;
    private volatile long makerThreadId = -1;
    private List<HubSession.Submission> current;
    private int handedOut;

    /** Starts making {@code count} declarations from {@code firstSerial}; returns once the first chunks are ready. */
    DeclarationStream(DeclarationFactory factory, HubSession session, int firstSerial, int count, int chunkSize)
            throws Exception {
        this.count = count;
        this.chunkSize = chunkSize;
        making = maker.submit(() -> {
            makerThreadId = Thread.currentThread().getId();
            for (int made = 0; made < count; made += chunkSize) {
                ready.put(session.prepare(factory.make(Math.min(chunkSize, count - made), firstSerial + made)));
            }
            return null;
        });
        while (ready.remainingCapacity() > 0 && !making.isDone()) {
            Thread.sleep(10);
        }
    }

    /** CPU time spent making declarations so far, in nanoseconds. */
    long makingCpuNanos() {
        long id = makerThreadId;
        return id < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(id));
    }

    /** The declarations in order, each not before {@code schedule} has it due. */
    Load.Turns dueBy(Schedule schedule) {
        return () -> {
            HubSession.Submission next;
            long due;
            synchronized (this) {
                if (handedOut == count) {
                    return null;
                }
                if (handedOut % chunkSize == 0) {
                    current = nextChunk();
                }
                next = current.get(handedOut % chunkSize);
                due = schedule.dueAt(handedOut++);
            }
            LockSupport.parkNanos(due - System.nanoTime());
            return next;
        };
    }

    private List<HubSession.Submission> nextChunk() throws Exception {
        while (true) {
            List<HubSession.Submission> chunk = ready.poll(1, TimeUnit.SECONDS);
            if (chunk != null) {
                return chunk;
            }
            if (making.isDone()) {
                making.get(); // the maker failed: its exception, not a wait for ever
                throw new IllegalStateException("The declarations ran out before the schedule's end");
            }
            System.err.println("WARNING: making declarations is behind the schedule");
        }
    }

    @Override
    public void close() {
        maker.shutdownNow();
    }
}
