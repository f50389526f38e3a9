package org.onewindow.store;

import java.lang.management.ManagementFactory;
import java.time.Clock;

/**
 * A named lock across every node sharing the database (table {@code node_lock}): the work runs in one transaction
 * that first locks the lock's row, so a second node asking for the same lock waits until the first one's work is
 * committed (or rolled back) and then sees its result. Used where "once, on whichever node comes first" matters,
 * such as registering the bootstrap parties at first start.
 */
public final class NodeLock {
    /** First start: bootstrap parties, the hub's key and certificate, demo credentials. */
    public static final String BOOTSTRAP = "bootstrap";
    /** Retention: moving old message bodies to archive files. */
    public static final String ARCHIVE = "archive";
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final Jdbc jdbc;
    private final Clock clock;

    public NodeLock(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs the work holding the named lock, in one transaction; fails if the lock is not defined. */
    public <T> T holding(String name, Jdbc.Work<T> work) {
        return jdbc.inTransaction(() -> {
            if (jdbc.update("update node_lock set held_by = ?, held_at = ? where name = ?", NODE, clock.instant(), name) != 1) {
                throw new IllegalStateException("No node lock named " + name);
            }
            return work.run();
        });
    }
}
