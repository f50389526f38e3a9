package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.cli.ParkedCommand;

/**
 * A declaration whose admission keeps failing with a transient fault — the database lost its case table — is
 * retried in place and by the broker, then parked on its stage's dead-letter queue DLQ.onewindow.admit; the operator
 * sees it there with its hub id and the failure (REST API and CLI), replays it once the database is repaired (one
 * merged NX5106 follows, no more) or discards it; both actions are audited, and only an admin may do any of it.
 */
class ParkingIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIT_DLQ = "DLQ.onewindow.admit";
    private static final String SENDER = "BROKERPK";

    @Test
    void aDeclarationThatKeepsFailingIsParkedAndItsReplayIsAnsweredOnce(@TempDir Path dataDir) throws Exception {
        try (TestHub hub = new TestHub(dataDir, quickRedelivery()).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters(SENDER);
            breakCaseTable(hub, true);
            String hubId = submit(client);

            JsonNode parked = awaitParked(client, 1).get(0);
            assertThat(parked.get("hubId").asText()).isEqualTo(hubId);
            assertThat(parked.get("parkedFrom").asText()).isEqualTo("onewindow.admit");
            assertThat(parked.get("failure").asText()).contains("StoreException").containsIgnoringCase("trade_case");
            assertThat(parked.get("deliveries").asInt()).as("the broker's deliveries").isEqualTo(3);
            assertThat(parked.get("localRetries").asInt()).as("each delivery retried in place first").isEqualTo(2);
            String id = parked.get("id").asText();
            JsonNode shown = client.get("/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id);
            assertThat(shown.get("headers").get("OneWindowHubId").asText()).isEqualTo(hubId);
            assertThat(shown.get("body").asText()).contains("Declaration");
            assertThat(client.get("/api/v1/messages/" + hubId).get("status").asText()).as("not processed").isEqualTo("RECEIVED");

            assertThat(client.call("GET", "/api/v1/admin/parked", SENDER, null).status()).as("not an admin").isEqualTo(403);
            assertThat(client.call("POST", "/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id + "/replay", SENDER, null).status())
                    .isEqualTo(403);

            breakCaseTable(hub, false);
            HubClient.Answer replayed = client.call("POST", "/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id + "/replay",
                    TestParties.OPERATOR, null);
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.json().get("hubId").asText()).isEqualTo(hubId);

            String party = client.party(SENDER).partyId();
            // customs' release notice may come before the merged acknowledgement, which waits for the food and liquor
            // agencies' first verdicts too: wait for both
            List<String> types = Poll.until("the merged acknowledgement and the release notice after the replay", WAIT, () -> {
                List<String> pending = mailboxTypes(client, party);
                return pending.contains("N5116") && pending.contains("NX5106") ? pending : null;
            });
            assertThat(types.stream().filter("NX5106"::equals)).as("one merged acknowledgement").hasSize(1);
            assertThat(client.get("/api/v1/messages/" + hubId).get("status").asText()).isEqualTo("ADMITTED");
            assertThat(count(client, ADMIT_DLQ)).isZero();
            assertThat(client.call("POST", "/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id + "/replay", TestParties.OPERATOR, null)
                    .status()).as("replayed already").isEqualTo(404);

            JsonNode audit = client.get("/api/v1/admin/parked-actions").get(0);
            assertThat(audit.get("action").asText()).isEqualTo("REPLAY");
            assertThat(audit.get("actor").asText()).isEqualTo(TestParties.OPERATOR);
            assertThat(audit.get("hubId").asText()).isEqualTo(hubId);
            assertThat(audit.get("queue").asText()).isEqualTo(ADMIT_DLQ);
        }
    }

    @Test
    void theOperatorsCliListsShowsAndDiscardsAndTheDiscardIsAudited(@TempDir Path dataDir) throws Exception {
        try (TestHub hub = new TestHub(dataDir, quickRedelivery()).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters(SENDER);
            breakCaseTable(hub, true);
            String hubId = submit(client);
            String id = awaitParked(client, 1).get(0).get("id").asText();
            breakCaseTable(hub, false);
            String token = Files.readString(dataDir.resolve("demo/operator.token")).strip();

            assertThat(cli(hub, token, "parked", "list")).matches("(?s).*DLQ\\.onewindow\\.admit +1 +parks for onewindow\\.admit.*");
            assertThat(cli(hub, token, "parked", "list", ADMIT_DLQ)).contains(id).contains("hub id " + hubId).contains("after 3 deliveries");
            assertThat(cli(hub, token, "parked", "show", ADMIT_DLQ, id)).contains("\"OneWindowHubId\" : \"" + hubId + "\"")
                    .contains("\"failure\"");
            assertThat(client.call("DELETE", "/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id, SENDER, null).status())
                    .as("not an admin").isEqualTo(403);
            assertThat(cli(hub, token, "parked", "discard", ADMIT_DLQ, id)).contains("discarded " + id);

            assertThat(count(client, ADMIT_DLQ)).isZero();
            assertThat(client.call("GET", "/api/v1/admin/parked/" + ADMIT_DLQ + "/" + id, TestParties.OPERATOR, null).status())
                    .isEqualTo(404);
            assertThat(client.get("/api/v1/messages/" + hubId).get("status").asText()).as("stored, never processed").isEqualTo("RECEIVED");
            assertThat(cli(hub, token, "parked", "actions")).contains("operator  DISCARD  " + ADMIT_DLQ + "  " + id + "  hub id " + hubId);
            assertThat(run(hub, token, "parked", "replay", ADMIT_DLQ, id).exit()).as("nothing left to replay").isEqualTo(1);
            assertThat(client.call("GET", "/api/v1/admin/parked/no.such.queue", TestParties.OPERATOR, null).status()).isEqualTo(404);
        }
    }

    /** What the CLI printed, after checking it exited 0. */
    private static String cli(TestHub hub, String token, String... args) {
        Run run = run(hub, token, args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(TestHub hub, String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--hub", hub.baseUrl(), "--token", token));
        int exit = ParkedCommand.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Three deliveries, 50 ms apart at first: the test does not wait for the production back-off. */
    static Properties quickRedelivery() {
        Properties p = new Properties();
        p.setProperty("onewindow.redelivery.max-attempts", "3");
        p.setProperty("onewindow.redelivery.delay-ms", "50");
        p.setProperty("onewindow.redelivery.max-delay-ms", "200");
        return p;
    }

    private static String submit(HubClient client) throws Exception {
        byte[] declaration = Files.readAllBytes(Path.of("samples/NX5105/valid/food-liquor.xml"));
        HubClient.Answer posted = client.post(declaration, "application/xml", SENDER);
        assertThat(posted.status()).isEqualTo(202);
        return posted.json().get("hubId").asText();
    }

    /** A real database fault: the case table disappears under the hub (and comes back). */
    static void breakCaseTable(TestHub hub, boolean broken) throws Exception {
        try (Connection c = hub.bean("dataSource", DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.execute(broken ? "alter table trade_case rename to trade_case_away" : "alter table trade_case_away rename to trade_case");
        }
    }

    private static List<JsonNode> awaitParked(HubClient client, int count) throws Exception {
        Poll.until(count + " parked on " + ADMIT_DLQ, WAIT, () -> count(client, ADMIT_DLQ) == count ? Boolean.TRUE : null);
        List<JsonNode> list = new ArrayList<>();
        client.get("/api/v1/admin/parked/" + ADMIT_DLQ).forEach(list::add);
        assertThat(list).hasSize(count);
        return list;
    }

    static long count(HubClient client, String queue) throws Exception {
        for (JsonNode q : client.get("/api/v1/admin/parked")) {
            if (q.get("queue").asText().equals(queue)) {
                return q.get("count").asLong();
            }
        }
        throw new AssertionError("No dead-letter queue " + queue + " listed");
    }

    private static List<String> mailboxTypes(HubClient client, String party) throws Exception {
        List<String> types = new ArrayList<>();
        client.get("/api/v1/parties/" + party + "/messages").forEach(m -> types.add(m.get("messageType").asText()));
        return types;
    }
}
