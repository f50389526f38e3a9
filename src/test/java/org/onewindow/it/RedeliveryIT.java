package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message that reaches admission again after its work was committed (as after a crash between the
 * database and the broker commit) is not filed twice and loses nothing: its agency messages are queued
 * again under the same hub ids. Demo agencies are off, so the agency queues can be read as they are.
 */
class RedeliveryIT {
    private static final List<String> AGENCY_QUEUES = List.of("agency.customs", "agency.CD", "agency.DN", "agency.VP");

    @Test
    void aRedeliveredDeclarationIsQueuedAgainNotFiledAgain(@TempDir Path dataDir) throws Exception {
        Properties noDemo = new Properties();
        noDemo.setProperty("onewindow.demo-agencies.enabled", "false");
        try (TestHub hub = new TestHub(dataDir, noDemo).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters("BROKERRD");
            byte[] declaration = Files.readAllBytes(Path.of("samples/NX5105/valid/all-agencies-60-items.xml"));
            String hubId = client.post(declaration, "application/xml", "BROKERRD").json().get("hubId").asText();
            awaitQueued(client, 1);
            Map<String, List<String>> first = queued(client);

            client.sendRaw("onewindow.admit", declaration,
                    Map.of("OneWindowHubId", hubId, "OneWindowSender", client.party("BROKERRD").partyId(), "OneWindowChannel", "HTTP"));
            awaitQueued(client, 2);

            Map<String, List<String>> after = queued(client);
            for (String queue : AGENCY_QUEUES) {
                assertThat(after.get(queue)).as(queue).hasSize(2).containsOnly(first.get(queue).get(0));
            }
            JsonNode view = client.get("/api/v1/messages/" + hubId);
            assertThat(view.get("status").asText()).isEqualTo("ADMITTED");
            assertThat(view.get("replies")).as("derived messages stored once").hasSize(4);
            assertThat(client.get("/api/v1/declarations/" + view.get("caseId").asText()).get("agencies")).hasSize(4);
            assertThat(client.receive("BROKERRD", Duration.ofMillis(500))).as("no rejection for the redelivery").isNull();
        }
    }

    private static Map<String, List<String>> queued(HubClient client) throws Exception {
        Map<String, List<String>> ids = new HashMap<>();
        for (String queue : AGENCY_QUEUES) {
            ids.put(queue, client.browseHubIds(queue));
        }
        return ids;
    }

    /** Follows the agency queues until each holds the expected count (a client polling the broker). */
    private static void awaitQueued(HubClient client, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (queued(client).values().stream().allMatch(ids -> ids.size() >= count)) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("agency queues did not reach " + count + " messages each: " + queued(client));
    }
}
