package org.onewindow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The write-through's promise, checked on the checkpoints it starts: every committer returns only after a checkpoint
 * that began after its commit, commits made meanwhile share checkpoints, and checkpoints start at least the interval
 * apart.
 */
class GroupCheckpointTest {
    private static final int COMMITTERS = 16;
    private static final int COMMITS_EACH = 25;

    /** When each checkpoint started and ended, in nanoseconds. */
    private final List<long[]> checkpoints = new ArrayList<>();

    @Test
    void everyCommitWaitsForALaterCheckpointAndCheckpointsKeepTheirDistance() throws Exception {
        Duration interval = Duration.ofMillis(4);
        GroupCheckpoint group = new GroupCheckpoint(interval);
        List<long[]> commits = runConcurrently(group);

        assertThat(commits).hasSize(COMMITTERS * COMMITS_EACH);
        for (long[] commit : commits) {
            long committedAt = commit[0];
            long returnedAt = commit[1];
            assertThat(checkpoints).as("a checkpoint started after the commit and ended before the caller went on")
                    .anySatisfy(c -> assertThat(c[0] >= committedAt && c[1] <= returnedAt).isTrue());
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            assertThat(checkpoints.get(i)[0] - checkpoints.get(i - 1)[0]).as("start of checkpoint %d after the one before", i)
                    .isGreaterThanOrEqualTo(interval.toNanos());
        }
        assertThat(checkpoints.size()).as("commits share checkpoints").isLessThan(commits.size() / 2);
    }

    @Test
    void withoutAnIntervalALoneCommitIsWrittenAtOnce() throws Exception {
        GroupCheckpoint group = new GroupCheckpoint(Duration.ZERO);
        for (int i = 0; i < 3; i++) {
            group.writeThrough(this::checkpoint);
        }
        assertThat(checkpoints).hasSize(3);
    }

    /** Each committer "commits" and writes through, over and over; returns each commit's time and return time. */
    private List<long[]> runConcurrently(GroupCheckpoint group) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(COMMITTERS);
        try {
            List<Future<List<long[]>>> results = new ArrayList<>();
            for (int t = 0; t < COMMITTERS; t++) {
                Callable<List<long[]>> committer = () -> {
                    List<long[]> mine = new ArrayList<>();
                    for (int i = 0; i < COMMITS_EACH; i++) {
                        long committedAt = System.nanoTime();
                        group.writeThrough(this::checkpoint);
                        mine.add(new long[] {committedAt, System.nanoTime()});
                    }
                    return mine;
                };
                results.add(pool.submit(committer));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<List<long[]>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A checkpoint that takes a little while, as writing pages does. */
    private void checkpoint() {
        long started = System.nanoTime();
        long until = started + 300_000;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        synchronized (checkpoints) {
            checkpoints.add(new long[] {started, System.nanoTime()});
        }
    }
}
