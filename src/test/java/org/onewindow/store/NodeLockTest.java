package org.onewindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;

/**
 * The node lock on the real databases: while one holder's work runs, a second asker waits, and then sees what the
 * first one committed — so of two nodes starting at once, one bootstraps and the other finds the result.
 */
class NodeLockTest {
    @TempDir
    Path dataDir;

    static List<String> kinds() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theSecondHolderWaitsForTheFirstAndSeesItsWork(String kind) throws Exception {
        try (Database database = TestDatabases.open(kind, dataDir)) {
            Jdbc jdbc = database.jdbc();
            NodeLock lock = new NodeLock(jdbc, Clock.systemUTC());
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch firstHolds = new CountDownLatch(1);
            CountDownLatch secondAsked = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> first = nodes.submit(() -> lock.holding(NodeLock.BOOTSTRAP, () -> {
                    firstHolds.countDown();
                    // keep holding until the second node is blocked on the lock, then do the bootstrap work
                    awaitUninterruptibly(secondAsked);
                    boolean empty = registryEmpty(jdbc);
                    jdbc.update("insert into message_chain_head (chain_party, chain_position, record_hash, sealed_at) "
                            + "values ('probe', 0, 'x', current_timestamp)");
                    order.add("first");
                    return empty;
                }));
                assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();
                Future<Boolean> second = nodes.submit(() -> {
                    secondAsked.countDown();
                    return lock.holding(NodeLock.BOOTSTRAP, () -> {
                        order.add("second");
                        return registryEmpty(jdbc);
                    });
                });
                assertThat(first.get(30, TimeUnit.SECONDS)).as("the first node found nothing").isTrue();
                assertThat(second.get(30, TimeUnit.SECONDS)).as("the second node finds the first one's work").isFalse();
                assertThat(order).containsExactly("first", "second");
            } finally {
                nodes.shutdownNow();
                nodes.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anUnknownLockIsRefused(String kind) throws Exception {
        try (Database database = TestDatabases.open(kind, dataDir)) {
            NodeLock lock = new NodeLock(new Jdbc(database.dataSource()), Clock.systemUTC());
            assertThatThrownBy(() -> lock.holding("no-such-lock", () -> true)).hasMessageContaining("no-such-lock");
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands for "is the registry still empty?": whether the first holder's row is there. */
    private static boolean registryEmpty(Jdbc jdbc) {
        return jdbc.queryOne("select count(*) from message_chain_head where chain_party = 'probe'", rs -> rs.getInt(1))
                .orElse(0) == 0;
    }
}
