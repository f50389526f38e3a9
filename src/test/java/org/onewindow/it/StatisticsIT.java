package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.message.MessageKeys;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.w3c.dom.Document;

/**
 * Statistics and the XML adoption report on the whole hub. XML traffic is sent through the real HTTP intake and
 * admitted or rejected by the real routes. EDI traffic cannot be sent on this branch (EDIFACT intake is built
 * elsewhere), so the EDI history — and the weeks of past traffic the adoption report needs — is written through
 * the hub's real {@link MessageStore} on its own database, exactly as intake and admission record a message:
 * stored as received at a chosen time, its identity and status recorded, its syntax set to EDI.
 */
class StatisticsIT {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path CUSTOMS_ONLY = Path.of("samples/NX5105/valid/customs-only.xml");
    private static final String CUSTOMS_ONLY_NUMBER = "CA  14K7300101";
    private static final LocalDate GO_LIVE = LocalDate.of(2026, 3, 1);

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;
    static Jdbc jdbc;

    @BeforeAll
    static void start() throws Exception {
        hub = new TestHub(dataDir, new Properties()).start();
        client = new HubClient(hub);
        client.delegateSampleImporters("STATS", "OUTSIDER");
        jdbc = new Jdbc(hub.bean("dataSource", DataSource.class));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        hub.stop();
    }

    @Test
    void aPartySeesItsTrafficPerDayTypeAndSyntaxAsJsonAndCsvAndTheLiveCountersMoveWithIt() throws Exception {
        String stats = client.party("STATS").partyId();
        String xml = Files.readString(CUSTOMS_ONLY, StandardCharsets.UTF_8);
        List<String> sent = new ArrayList<>();
        for (String serial : List.of("06001", "06002")) {
            String number = CUSTOMS_ONLY_NUMBER.substring(0, 9) + serial;
            sent.add(client.post(xml.replace(CUSTOMS_ONLY_NUMBER, number).getBytes(StandardCharsets.UTF_8), "application/xml",
                    "STATS").json().get("hubId").asText());
        }
        sent.add(client.post(Files.readAllBytes(Path.of("samples/NX5105/invalid/B105-item-sequence-gap.xml")),
                "application/xml", "STATS").json().get("hubId").asText());
        // a connection-test message is not production traffic; the test world has its own declaration numbers
        sent.add(client.postTest(xml.replace(CUSTOMS_ONLY_NUMBER, CUSTOMS_ONLY_NUMBER.substring(0, 9) + "06001")
                .getBytes(StandardCharsets.UTF_8), "STATS").json().get("hubId").asText());
        assertThat(awaitDecided(sent)).containsExactly("ADMITTED", "ADMITTED", "REJECTED", "ADMITTED");
        Instant now = Instant.now();
        record(stats, now, "EDI", "ADMITTED", false);
        record(stats, now, "EDI", "ADMITTED", false);
        record(stats, now, "EDI", "REJECTED", false);

        LocalDate today = LocalDate.now(TAIPEI);
        String range = "from=" + today.minusDays(1) + "&to=" + today;
        JsonNode answer = client.getAs("STATS", "/api/v1/statistics?" + range, 200);
        assertThat(answer.get("party").asText()).isEqualTo(stats);
        assertThat(answer.get("timeZone").asText()).isEqualTo("Asia/Taipei");
        assertThat(totals(answer, "XML")).containsExactly(3L, 2L, 1L);
        assertThat(totals(answer, "EDI")).containsExactly(3L, 2L, 1L);
        assertThat(answer.get("rows")).allSatisfy(row -> {
            assertThat(row.get("party").asText()).isEqualTo(stats);
            assertThat(row.get("messageType").asText()).isEqualTo("NX5105");
        });

        HubClient.Download csv = client.download("STATS", "/api/v1/statistics/csv?" + range);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> expected = new ArrayList<>();
        expected.add("day,party,messageType,syntax,received,accepted,rejected");
        for (JsonNode row : answer.get("rows")) {
            expected.add(String.join(",", row.get("day").asText(), stats, "NX5105", row.get("syntax").asText(),
                    row.get("received").asText(), row.get("accepted").asText(), row.get("rejected").asText()));
        }
        assertThat(csv.text().split("\r\n")).containsExactlyElementsOf(expected);

        // a party sees only its own rows; an admin sees everyone's, or one party's
        client.getAs("OUTSIDER", "/api/v1/statistics?party=" + stats, 404);
        assertThat(client.getAs("OUTSIDER", "/api/v1/statistics?" + range, 200).get("rows")).isEmpty();
        JsonNode admin = client.get("/api/v1/statistics?" + range + "&party=" + stats);
        assertThat(admin.get("rows")).isEqualTo(answer.get("rows"));
        assertThat(client.get("/api/v1/statistics?" + range).get("rows")).containsAll(answer.get("rows"));
        HubClient.Answer bad = client.call("GET", "/api/v1/statistics?from=2026-13-01", "STATS", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("from must be a date like");

        // the front page: this hour's declarations by type and the declarations' clearance steps, production only
        JsonNode live = client.getAs("OUTSIDER", "/api/v1/statistics/live", 200);
        assertThat(live.get("messages")).singleElement().satisfies(type -> {
            assertThat(type.get("messageType").asText()).isEqualTo("NX5105");
            assertThat(type.get("received").asLong()).isEqualTo(6);
            assertThat(type.get("accepted").asLong()).isEqualTo(4);
            assertThat(type.get("rejected").asLong()).isEqualTo(2);
        });
        assertThat(live.get("declarations").get("SUBMITTED").asLong()).isEqualTo(2);
    }

    @Test
    void theAdoptionReportFailsAt49point9PercentAndPassesAt50() throws Exception {
        String adopter = client.party("ADOPTER").partyId();
        Instant firstMoment = GO_LIVE.atStartOfDay(TAIPEI).toInstant();
        Instant lastMoment = GO_LIVE.plusDays(15).atStartOfDay(TAIPEI).toInstant().minusSeconds(1);
        for (int i = 0; i < 1000; i++) {
            Instant at = firstMoment.plus(Duration.ofHours(9 + i % 15 * 24L)).plusSeconds(i);
            record(adopter, at, i < 499 ? "XML" : "EDI", "ADMITTED", false);
        }
        // what does not count: before and after the window, rejected, connection tests
        for (int i = 0; i < 20; i++) {
            record(adopter, firstMoment.minusSeconds(1), "XML", "ADMITTED", false);
            record(adopter, lastMoment.plusSeconds(1), "XML", "ADMITTED", false);
            record(adopter, firstMoment.plus(Duration.ofDays(3)), "XML", "REJECTED", false);
            record(adopter, firstMoment.plus(Duration.ofDays(4)), "XML", "ADMITTED", true);
        }

        Document failed = adoptionReport(adopter);
        assertThat(HubSignedCertificate.text(failed, "Party")).isEqualTo(adopter);
        assertThat(HubSignedCertificate.text(failed, "GoLiveDate")).isEqualTo("2026-03-01");
        assertThat(HubSignedCertificate.text(failed, "LastDate")).isEqualTo("2026-03-15");
        assertThat(HubSignedCertificate.text(failed, "ThresholdPercent")).isEqualTo("50");
        assertThat(HubSignedCertificate.text(failed, "AcceptedMessages")).isEqualTo("1000");
        assertThat(HubSignedCertificate.text(failed, "XmlMessages")).isEqualTo("499");
        assertThat(HubSignedCertificate.text(failed, "EdiMessages")).isEqualTo("501");
        assertThat(HubSignedCertificate.text(failed, "XmlSharePercent")).isEqualTo("49.90");
        assertThat(HubSignedCertificate.text(failed, "Verdict")).isEqualTo("FAILED");

        // two more XML messages in the window's last second: 501 of 1,002 is exactly half
        record(adopter, lastMoment, "XML", "ADMITTED", false);
        record(adopter, lastMoment, "XML", "ADMITTED", false);
        Document passed = adoptionReport(adopter);
        assertThat(HubSignedCertificate.text(passed, "AcceptedMessages")).isEqualTo("1002");
        assertThat(HubSignedCertificate.text(passed, "XmlMessages")).isEqualTo("501");
        assertThat(HubSignedCertificate.text(passed, "XmlSharePercent")).isEqualTo("50.00");
        assertThat(HubSignedCertificate.text(passed, "Verdict")).isEqualTo("PASSED");

        // only the party itself (or an admin) gets it; the go-live date is required and must be a date
        String path = "/api/v1/parties/" + adopter + "/adoption-report";
        assertThat(client.download("OUTSIDER", path + "?go-live=2026-03-01").status()).isEqualTo(404);
        assertThat(client.download(TestParties.OPERATOR, path + "?go-live=2026-03-01").status()).isEqualTo(200);
        assertThat(client.download("ADOPTER", path).text()).contains("go-live=YYYY-MM-DD");
        HubClient.Download bad = client.download("ADOPTER", path + "?go-live=1.3.2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("go-live must be a date like");
    }

    private static Document adoptionReport(String party) throws Exception {
        HubClient.Download report = client.download("ADOPTER", "/api/v1/parties/" + party + "/adoption-report?go-live=" + GO_LIVE);
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/xml");
        return HubSignedCertificate.check(report.body(), hub);
    }

    /** One inbound NX5105 of the party, recorded through the hub's message store as received at {@code at}. */
    private static void record(String party, Instant at, String syntax, String status, boolean test) {
        MessageStore store = new MessageStore(jdbc, Clock.fixed(at, ZoneOffset.UTC), hub.bean("bodyArchive", BodyArchive.class));
        String hubId = UUID.randomUUID().toString();
        String number = "AA  14K73" + String.format("%05d", Math.floorMod(hubId.hashCode(), 100_000));
        jdbc.inTransaction(() -> {
            store.saveInbound(hubId, "HTTP", party, "<history/>".getBytes(StandardCharsets.UTF_8), test);
            store.recordIdentity(hubId, party, "NX5105", "R-08-00", new MessageKeys(number, "9", number, "12345675"), null, status);
            store.recordSyntax(hubId, syntax);
            return null;
        });
    }

    /** Received, accepted, rejected summed over the rows of one syntax. */
    private static List<Long> totals(JsonNode answer, String syntax) {
        long[] sums = new long[3];
        for (JsonNode row : answer.get("rows")) {
            if (row.get("syntax").asText().equals(syntax)) {
                sums[0] += row.get("received").asLong();
                sums[1] += row.get("accepted").asLong();
                sums[2] += row.get("rejected").asLong();
            }
        }
        return List.of(sums[0], sums[1], sums[2]);
    }

    /** Follows each message's processing record until admission has decided; returns the statuses in order. */
    private static List<String> awaitDecided(List<String> hubIds) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> statuses = new ArrayList<>();
        for (String hubId : hubIds) {
            String status = client.get("/api/v1/messages/" + hubId).get("status").asText();
            while (status.equals("RECEIVED") && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                status = client.get("/api/v1/messages/" + hubId).get("status").asText();
            }
            statuses.add(status);
        }
        return statuses;
    }
}
