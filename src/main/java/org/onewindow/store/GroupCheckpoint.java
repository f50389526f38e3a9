package org.onewindow.store;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Writes the embedded H2's commits to its file in groups. H2 writes a commit to its file in the background, up to a
 * second later; a {@code CHECKPOINT} writes everything committed so far at once, every page changed since the last
 * one included. One checkpoint per commit rewrote the same index pages for every transaction (the largest single
 * cost in the hub's profile), so a committing thread waits instead for a checkpoint that started after its commit:
 * while one runs, the commits made meanwhile queue and the next checkpoint covers them all — group commit, as
 * PostgreSQL does with its log.
 *
 * <p>Checkpoints also start at least {@code interval} apart. Under load the next checkpoint would otherwise begin the
 * moment the last one ends, some 270 a second, each writing the pages its few commits touched again; spaced, each
 * covers more commits, and H2 writes (and later keeps track of) fewer pages and chunks per commit. A commit waits up to
 * the interval longer; the stages run enough consumers to keep busy meanwhile ({@code docs/performance.md}).
 */
final class GroupCheckpoint {
    /** Writes everything committed so far to the database file. */
    @FunctionalInterface
    interface Checkpoint {
        void write() throws SQLException;
    }

    private final Object lock = new Object();
    private final long intervalNanos;
    /** Commits that asked to be written, counted in the order they committed. */
    private long committed;
    /** All commits up to this count are covered by a finished checkpoint. */
    private long written;
    private boolean writing;
    private long lastStarted;

    GroupCheckpoint(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastStarted = System.nanoTime() - intervalNanos;
    }

    /** Returns once a checkpoint that started after the caller's last commit has finished. */
    void writeThrough(Checkpoint checkpoint) throws SQLException {
        long mine;
        synchronized (lock) {
            mine = ++committed;
        }
        while (true) {
            long covers;
            synchronized (lock) {
                while (writing && written < mine) {
                    await(0);
                }
                if (written >= mine) {
                    return;
                }
                writing = true;
                try {
                    // the others wait meanwhile (writing is set), and their commits join this checkpoint
                    for (long early; (early = intervalNanos - (System.nanoTime() - lastStarted)) > 0; ) {
                        await(early);
                    }
                } catch (SQLException e) {
                    writing = false;
                    lock.notifyAll();
                    throw e;
                }
                lastStarted = System.nanoTime();
                covers = committed;
            }
            boolean done = false;
            try {
                checkpoint.write();
                done = true;
            } finally {
                synchronized (lock) {
                    writing = false;
                    if (done) {
                        written = Math.max(written, covers);
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    /** Waits on the lock for a notification, or for at most {@code nanos} when positive. */
    private void await(long nanos) throws SQLException {
        try {
            if (nanos > 0) {
                lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } else {
                lock.wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the commit to be written", e);
        }
    }
}
