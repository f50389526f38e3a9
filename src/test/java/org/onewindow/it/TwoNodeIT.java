package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.it.ReplyAccounting.assertExactReplies;
import static org.onewindow.it.ReplyAccounting.await;
import static org.onewindow.it.ReplyAccounting.awaitAllThenQuiet;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.infra.BrokerAccess;
import org.onewindow.infra.EmbeddedBroker;
import org.onewindow.infra.HubSettings;
import org.onewindow.ops.RedeliverySettings;

/**
 * Many nodes: two hub processes configured only by settings — one external Artemis broker (a standalone,
 * persistent broker in this JVM, reached over TCP) and this machine's PostgreSQL (a fresh schema) — start at the
 * same moment on an empty database (one bootstraps the parties and keys, the other waits and finds them), share
 * the work of a few hundred declarations, and one is killed with SIGKILL mid-run. Every declaration still gets
 * exactly the replies its shape earns, none twice, and the message log both nodes sealed verifies intact.
 * Size: {@code -Dtwonode.declarations=N} (default 160).
 */
class TwoNodeIT {
    private static final int DECLARATIONS = Integer.getInteger("twonode.declarations", 160);

    @Test
    void twoHubsShareTheWorkAndOneDiesMidRun(@TempDir Path dir) throws Exception {
        String schema = PostgresSchemas.fresh("ow_nodes");
        int brokerPort = HubProcess.freePort();
        // the external broker of a cluster has its own security; this one lets the test's nodes and clients in
        EmbeddedBroker broker = new EmbeddedBroker(brokerSettings(dir.resolve("artemis"), brokerPort),
                new RedeliverySettings(5, 500, 2.0, 10_000), new BrokerAccess(true));
        broker.start();
        String brokerUrl = "tcp://127.0.0.1:" + brokerPort;
        Map<String, String> config = new HashMap<>(PostgresSchemas.hubSettings(schema));
        config.put("onewindow.broker.url", brokerUrl);
        // both nodes' deadline watches tick every second (each tick runs on whichever node consumes it)
        config.put("onewindow.correlate.deadline-scan-ms", "1000");
        Path logs = Path.of("target", "it-logs", "two-node-" + schema);
        // both nodes read the keys and demo credentials the bootstrapping node writes to the shared directory
        Path shared = dir.resolve("shared");
        try (HubProcess a = new HubProcess("node-a", shared, logs, config); HubProcess b = new HubProcess("node-b", shared, logs, config)) {
            CompletableFuture<HubProcess> startingB = CompletableFuture.supplyAsync(() -> startQuietly(b));
            a.start();
            startingB.join();

            DemoTraders traders = new DemoTraders(shared.resolve("demo"));
            traders.delegate(a.baseUrl(), Filings.IMPORTER, Filings.BROKER);
            traders.delegate(b.baseUrl(), Filings.OTHER_IMPORTER, Filings.BROKER);
            JsonNode parties = traders.get(b.baseUrl(), "/api/v1/admin/parties", TestParties.OPERATOR);
            assertThat(parties.findValuesAsText("partyId")).as("parties registered once").doesNotHaveDuplicates();
            assertThat(traders.get(a.baseUrl(), "/api/v1/admin/parties/HUB", TestParties.OPERATOR).get("certificates"))
                    .as("both nodes sign with the one hub key").hasSize(1);

            List<Filings.Filing> filings = Filings.make(DECLARATIONS, Filings.DAY, traders::signer);
            int expected = ReplyAccounting.expectedTotal(filings);
            Duration timeout = Duration.ofSeconds(120 + DECLARATIONS / 4);
            try (ReplyCollector replies = new ReplyCollector(List.of(brokerUrl), List.of(Filings.IMPORTER, Filings.BROKER));
                 Submitter submitter = new Submitter(List.of(brokerUrl), filings)) {
                int point = expected / 3;
                await("replies reach " + point, () -> replies.distinct() >= point, replies::distinct, timeout);
                b.kill();
                await("every declaration submitted", submitter::done, submitter::sent, timeout);
                awaitAllThenQuiet(replies, expected, timeout);

                StringBuilder queued = new StringBuilder();
                for (String queue : List.of("onewindow.inbound", "onewindow.admit", "onewindow.agency.replies", "agency.customs",
                        "agency.CD", "agency.DN", "agency.VP")) {
                    queued.append(' ').append(queue).append('=').append(ParkedMessages.waiting(brokerUrl, queue));
                }
                String run = "schema " + schema + ", still queued:" + queued;
                assertThat(ParkedMessages.count(brokerUrl)).as("messages parked on DLQ (" + run + ")").isZero();
                assertThat(replies.deliveredTwice()).as("replies delivered twice (hub id → deliveries)").isEmpty();
                assertExactReplies(traders, a.baseUrl(), filings, replies.replies(), run);
                assertThat(replies.distinct()).as("replies in all").isEqualTo(expected);
            }
            JsonNode log = traders.get(a.baseUrl(), "/api/v1/admin/message-log/verify", TestParties.OPERATOR);
            assertThat(log.get("intact").asBoolean()).as("message log sealed by both nodes: " + log.get("problems")).isTrue();
        } finally {
            broker.stop();
        }
    }

    private static HubProcess startQuietly(HubProcess hub) {
        try {
            return hub.start();
        } catch (Exception e) {
            throw new IllegalStateException(hub.name + " did not start", e);
        }
    }

    /** The external broker: the hub's own broker configuration, run on its own (persistent journal, TCP acceptor). */
    private static HubSettings brokerSettings(Path dir, int port) {
        return new HubSettings(dir, "", "127.0.0.1", port, "", "", "", "sa", "", 1, true, Duration.ZERO, "", 10_485_760, Duration.ofSeconds(60),
                Duration.ofMinutes(10), "", 64L << 20, 1000);
    }
}
