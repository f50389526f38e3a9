package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.it.ReplyAccounting.assertExactReplies;
import static org.onewindow.it.ReplyAccounting.await;
import static org.onewindow.it.ReplyAccounting.awaitAllThenQuiet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: the hub runs as its own process ({@code java -jar target/onewindow.jar}, its embedded broker, and this
 * machine's PostgreSQL in a fresh schema as its store — see below for why not H2) while
 * a back office submits signed declarations of mixed shapes over JMS — as the importer, or as the broker it
 * delegated — and reads its replies; the hub is killed with SIGKILL at random moments (while declarations arrive,
 * and while they are processed) and started again on the same data each time. At the end every declaration has
 * exactly the replies its shape earns — one merged NX5106, each agency result once — no reply reached the back
 * office twice, and each agency was sent exactly one derived message per declaration.
 *
 * <p>Why PostgreSQL: the embedded H2 writes commits to its file in the background, and even with the hub's
 * write-through a {@code kill -9} can lose its newest commits while the broker keeps their consequences (this test,
 * run on H2 with {@code -Dcrash.store=h2}, shows a lost or repeated NX5106 now and then; so does H2's
 * {@code WRITE_DELAY=0}, tried on 2026-11-24). PostgreSQL commits are durable, so the test checks the hub's own
 * guarantees. Skipped where PostgreSQL is not running (like {@code PostgresHubIT}).
 *
 * <p>Size: {@code -Dcrash.declarations=N} (default 300) and {@code -Dcrash.kills=K} (default 3), e.g.
 * {@code ./mvnw -o verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashIT -Dcrash.declarations=3000 -Dcrash.kills=8};
 * {@code -Dcrash.seed=S} repeats a run's kill points. Each start's output is under {@code target/it-logs/crash-<seed>/}.
 */
class CrashIT {
    private static final int DECLARATIONS = Integer.getInteger("crash.declarations", 300);
    private static final int KILLS = Integer.getInteger("crash.kills", 3);
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    /** {@code -Dcrash.store=h2}: the embedded H2 the hub runs on by default, instead of PostgreSQL. */
    private static final boolean EMBEDDED_STORE = "h2".equals(System.getProperty("crash.store"));

    @Test
    void killedAtRandomMomentsTheHubLosesAndDuplicatesNothing() throws Exception {
        Random random = new Random(SEED);
        String run = "seed " + SEED;
        // under target/, not a temporary directory: after a failure the hub's database and journal can be examined
        Path runDir = Path.of("target", "it-logs", "crash-" + SEED);
        Map<String, String> store = new HashMap<>(EMBEDDED_STORE ? Map.of() : PostgresSchemas.hubSettings(PostgresSchemas.fresh("ow_crash")));
        // the test's clients reach the broker as a back office on a trusted network would: broker logins are
        // AmqpIT's subject, losing nothing across kills is this one's
        store.put("onewindow.broker.anonymous", "true");
        try (HubProcess hub = new HubProcess("crash-hub", runDir.resolve("data"), runDir, store).start()) {
            DemoTraders traders = new DemoTraders(hub.dataDir.resolve("demo"));
            traders.delegate(hub.baseUrl(), Filings.IMPORTER, Filings.BROKER);
            traders.delegate(hub.baseUrl(), Filings.OTHER_IMPORTER, Filings.BROKER);
            List<Filings.Filing> filings = Filings.make(DECLARATIONS, Filings.DAY, traders::signer);
            int expected = ReplyAccounting.expectedTotal(filings);
            Duration timeout = Duration.ofSeconds(60 + DECLARATIONS / 5);

            try (ReplyCollector replies = new ReplyCollector(List.of(hub.brokerUrl()), List.of(Filings.IMPORTER, Filings.BROKER));
                 Submitter submitter = new Submitter(List.of(hub.brokerUrl()), filings)) {
                for (int k = 0; k < KILLS; k++) {
                    if (k == 0) { // the first crash while declarations arrive, the others while they are being processed
                        int point = 1 + random.nextInt(DECLARATIONS / 2);
                        await("submission reaches " + point + " (" + run + ")", () -> submitter.sent() >= point, submitter::sent, timeout);
                    } else {
                        int point = (int) (expected * (0.1 + 0.7 * k / KILLS + 0.1 * random.nextDouble()));
                        await("replies reach " + point + " (" + run + ")", () -> replies.distinct() >= point, replies::distinct, timeout);
                    }
                    LockSupport.parkNanos(Duration.ofMillis(random.nextInt(300)).toNanos()); // a random moment, not a synchronisation
                    hub.kill();
                    hub.start();
                }
                await("every declaration submitted (" + run + ")", submitter::done, submitter::sent, timeout);
                awaitAllThenQuiet(replies, expected, timeout);

                assertThat(ParkedMessages.count(hub.brokerUrl())).as("messages parked on DLQ (" + run + ")").isZero();
                assertThat(replies.deliveredTwice()).as("replies delivered twice (hub id → deliveries, " + run + ")").isEmpty();
                assertExactReplies(traders, hub.baseUrl(), filings, replies.replies(), run);
                assertThat(replies.distinct()).as("replies in all (" + run + ")").isEqualTo(expected);
            }
        }
    }
}
