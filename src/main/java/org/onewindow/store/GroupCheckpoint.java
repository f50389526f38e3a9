package org.onewindow.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes the embedded H2's commits to its file in groups. H2 writes a commit to its file in the background, up to a
 * second later; a {@code CHECKPOINT} writes everything committed so far at once. One checkpoint per commit rewrote the
 * same index pages for every transaction (the largest single cost in the hub's profile), so a committing thread waits
 * instead for a checkpoint that started after its commit: while one runs, the commits made meanwhile queue and the next
 * checkpoint covers them all — group commit, as PostgreSQL does with its log.
 */
final class GroupCheckpoint {
    private final Object lock = new Object();
    /** Commits that asked to be written, counted in the order they committed. */
    private long committed;
    /** All commits up to this count are covered by a finished checkpoint. */
    private long written;
    private boolean writing;

    /** Returns once a checkpoint that started after this connection's last commit has finished. */
    void writeThrough(Connection connection) throws SQLException {
        long mine;
        synchronized (lock) {
            mine = ++committed;
        }
        while (true) {
            long covers;
            synchronized (lock) {
                while (writing && written < mine) {
                    awaitCheckpoint();
                }
                if (written >= mine) {
                    return;
                }
                writing = true;
                covers = committed;
            }
            boolean done = false;
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
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

    private void awaitCheckpoint() throws SQLException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the commit to be written", e);
        }
    }
}
