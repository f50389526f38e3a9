package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.onewindow.it.CombinedDeclarationChecks.assertCaseHistoryComplete;
import static org.onewindow.it.CombinedDeclarationChecks.assertExactlyOneMergedAckAndEveryFinalResult;
import static org.onewindow.it.CombinedDeclarationChecks.manyDeclarationsAtOnce;
import static org.onewindow.it.CombinedDeclarationChecks.repliesUntilComplete;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub with PostgreSQL as its store (the multi-node database), chosen by configuration alone:
 * a combined declaration goes all the way through, and survives a restart. Runs where PostgreSQL
 * listens on 127.0.0.1:5432 (database {@code test}, trust auth), in a schema of its own.
 */
class PostgresHubIT {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void combinedDeclarationOnPostgresql(@TempDir Path dataDir) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("onewindow.db.url", POSTGRES + "?currentSchema=" + freshSchema());
        settings.setProperty("onewindow.db.user", "postgres");

        String caseId;
        JsonNode before;
        try (TestHub hub = new TestHub(dataDir, settings).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters("BROKERPG");
            HubClient.Answer answer = client.post(Files.readAllBytes(Path.of("samples/NX5105/valid/all-agencies-60-items.xml")),
                    "application/xml", "BROKERPG");
            assertThat(answer.status()).isEqualTo(202);
            assertExactlyOneMergedAckAndEveryFinalResult(repliesUntilComplete(client, "BROKERPG"));
            caseId = client.get("/api/v1/messages/" + answer.json().get("hubId").asText()).get("caseId").asText();
            before = client.get("/api/v1/declarations/" + caseId);
            assertCaseHistoryComplete(before);
            manyDeclarationsAtOnce(client, "BROKERPGMANY", 25);
            statisticsReadTheSameStore(client);
        }
        try (TestHub hub = new TestHub(dataDir, settings).start(); HubClient client = new HubClient(hub)) {
            JsonNode after = client.get("/api/v1/declarations/" + caseId);
            assertThat(after.get("history")).isEqualTo(before.get("history"));
            assertThat(after.get("messages")).isEqualTo(before.get("messages"));
        }
    }

    /** The statistics' SQL (hour buckets, the indexes of V9) on PostgreSQL: the broker's declaration is counted. */
    private static void statisticsReadTheSameStore(HubClient client) throws Exception {
        JsonNode rows = client.getAs("BROKERPG", "/api/v1/statistics", 200).get("rows");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("messageType").asText()).isEqualTo("NX5105");
            assertThat(row.get("syntax").asText()).isEqualTo("XML");
            assertThat(row.get("accepted").asLong()).isEqualTo(1);
        });
        assertThat(client.get("/api/v1/statistics/live").get("declarations").get("SUBMITTED").asLong()).isGreaterThanOrEqualTo(1);
        String party = client.party("BROKERPG").partyId();
        assertThat(client.download("BROKERPG", "/api/v1/parties/" + party + "/adoption-report?go-live="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei"))).text()).contains("<Verdict>PASSED</Verdict>");
    }

    private static String freshSchema() throws Exception {
        String schema = "ow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (Exception e) {
            assumeTrue(false, "PostgreSQL is not running on 127.0.0.1:5432; the H2 end-to-end test covers the hub");
        }
        return schema;
    }
}
