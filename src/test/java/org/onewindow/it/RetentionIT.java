package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.store.Jdbc;

/**
 * Retention on a running hub, with the real broker, H2 and HTTP: once a declaration's case has been quiet for the
 * retention period, its messages' bodies move to an archive file; the broker re-sending the declaration still gets
 * the very acknowledgement it got first (read back from the archive), and {@code log verify} finds every chain and
 * the archive file intact.
 */
class RetentionIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BROKER = "BROKERRT";
    private static final Path DECLARATION = Path.of("samples/NX5105/valid/customs-only.xml");

    @Test
    void aQuietCaseIsArchivedAndStillAnsweredAndVerified(@TempDir Path dataDir) throws Exception {
        Properties retention = new Properties();
        retention.setProperty("onewindow.retention.archive-after", "PT2S");
        retention.setProperty("onewindow.retention.scan-ms", "500");
        try (TestHub hub = new TestHub(dataDir, retention).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters(BROKER);
            Jdbc jdbc = new Jdbc(hub.bean("dataSource", DataSource.class));
            assertThat(client.post(Files.readAllBytes(DECLARATION), "application/xml", BROKER).status()).isEqualTo(202);
            HubClient.Received merged = nextOfType(client, "NX5106");

            long archived = Poll.until("the case's bodies archived", WAIT, () -> {
                long inDatabase = jdbc.queryOne("select count(*) from message m join message_body b on b.hub_id = m.hub_id "
                        + "where m.case_id = ?", rs -> rs.getLong(1), merged.caseId()).orElseThrow();
                long moved = jdbc.queryOne("select count(*) from message m join archived_body a on a.hub_id = m.hub_id "
                        + "where m.case_id = ?", rs -> rs.getLong(1), merged.caseId()).orElseThrow();
                return inDatabase == 0 && moved > 0 ? moved : null;
            });
            assertThat(archived).as("the declaration, its customs message, the reply and the acknowledgements")
                    .isGreaterThanOrEqualTo(4);
            try (Stream<Path> files = Files.list(dataDir.resolve("message-archive"))) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).isNotEmpty()
                        .allMatch(name -> name.startsWith("bodies-") && name.endsWith(".zip"));
            }

            assertThat(client.post(Files.readAllBytes(DECLARATION), "application/xml", BROKER).status()).isEqualTo(202);
            assertThat(nextOfType(client, "NX5106").body()).as("the stored acknowledgement, from the archive")
                    .isEqualTo(merged.body());

            HubClient.Answer verified = client.call("GET", "/api/v1/admin/message-log/verify", TestParties.OPERATOR, null);
            JsonNode report = verified.json();
            assertThat(report.get("problems")).as(new ObjectMapper().writeValueAsString(report)).isEmpty();
            assertThat(report.get("intact").asBoolean()).isTrue();
            assertThat(report.get("archived").asLong()).isGreaterThanOrEqualTo(archived);
        }
    }

    /** Takes replies from the broker's mailbox until one of this type arrives. */
    private static HubClient.Received nextOfType(HubClient client, String type) throws Exception {
        return Poll.until("a " + type, WAIT, () -> {
            HubClient.Received reply = client.receive(BROKER, Duration.ofSeconds(1));
            return reply != null && type.equals(reply.messageType()) ? reply : null;
        });
    }
}
