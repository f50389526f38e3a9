package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agencies that stay silent past the deadline, and a trader's standalone agency application, on the
 * whole hub. The demo rules keep silent for declaration serials starting with 999.
 */
class AgencyExchangeIT {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;

    @BeforeAll
    static void startHub() throws Exception {
        Properties fastDeadline = new Properties();
        // short enough for the silence tests, long enough that a cold hub answers the standalone application first
        fastDeadline.setProperty("onewindow.correlate.agency-deadline", "PT10S");
        fastDeadline.setProperty("onewindow.correlate.deadline-scan-ms", "200");
        hub = new TestHub(dataDir, fastDeadline).start();
        client = new HubClient(hub);
        client.delegateSampleImporters("SILENCE", "REPLACER", "FOODTRADER");
    }

    @AfterAll
    static void stopHub() throws Exception {
        client.close();
        hub.stop();
    }

    @Test
    void everySilentAgencyIsNamedInAnNx903AndNoMergedAcknowledgementIsSent() throws Exception {
        String xml = Files.readString(Path.of("samples/NX5105/valid/food-liquor.xml"), StandardCharsets.UTF_8);
        String original = xml.replaceAll("(?s).*?<ID>([^<]{14})</ID>.*", "$1");
        String silent = original.substring(0, 9) + "99901";
        assertThat(client.post(xml.replace(original, silent).getBytes(StandardCharsets.UTF_8), "application/xml", "SILENCE")
                .status()).isEqualTo(202);

        List<String> notices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HubClient.Received reply = client.receive("SILENCE", REPLY_WAIT);
            assertThat(reply).as("NX903 number " + (i + 1)).isNotNull();
            assertThat(reply.messageType()).isEqualTo("NX903");
            assertThat(reply.body()).contains("A201");
            notices.add(reply.body());
        }
        assertThat(notices).anyMatch(n -> n.contains("Agency customs")).anyMatch(n -> n.contains("Agency CD"))
                .anyMatch(n -> n.contains("Agency DN"));
        assertThat(client.receive("SILENCE", Duration.ofSeconds(1))).as("one notice per agency, nothing else").isNull();

        JsonNode view = client.get("/api/v1/declarations/" + silent.replace(" ", "%20"));
        assertThat(view.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(view.get("mergedAcknowledgement").isNull()).isTrue();
    }

    @Test
    void aReplacementRestartsTheCaseAndAWithdrawalCancelsIt() throws Exception {
        String xml = Files.readString(Path.of("samples/NX5105/valid/food-liquor.xml"), StandardCharsets.UTF_8);
        String original = xml.replaceAll("(?s).*?<ID>([^<]{14})</ID>.*", "$1");
        String number = original.substring(0, 9) + "99902";
        String filed = xml.replace(original, number);
        assertThat(client.post(filed.getBytes(StandardCharsets.UTF_8), "application/xml", "REPLACER").status()).isEqualTo(202);
        awaitSilenceNotices("REPLACER", 3);

        String replacement = filed.replace("<FunctionCode>9</FunctionCode>", "<FunctionCode>5</FunctionCode>");
        String replacementId = client.post(replacement.getBytes(StandardCharsets.UTF_8), "application/xml", "REPLACER")
                .json().get("hubId").asText();
        awaitSilenceNotices("REPLACER", 3);
        JsonNode replaced = client.get("/api/v1/declarations/" + number.replace(" ", "%20"));
        assertThat(replaced.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(replaced.get("agencies")).allMatch(a -> a.get("state").asText().equals("SUBMITTED"));
        assertThat(replaced.get("history")).filteredOn(e -> e.get("agency").isNull() && e.get("hubId").asText().equals(replacementId))
                .extracting(e -> e.get("to").asText()).containsExactly("SUBMITTED");

        String withdrawal = filed.replace("<FunctionCode>9</FunctionCode>", "<FunctionCode>1</FunctionCode>");
        String withdrawalId = client.post(withdrawal.getBytes(StandardCharsets.UTF_8), "application/xml", "REPLACER")
                .json().get("hubId").asText();
        assertThat(awaitStatus(withdrawalId)).isEqualTo("ADMITTED");
        JsonNode withdrawn = client.get("/api/v1/declarations/" + number.replace(" ", "%20"));
        assertThat(withdrawn.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("agencies")).allMatch(a -> a.get("state").asText().equals("CANCELLED"));
        // every agency that had a part is told
        JsonNode record = client.get("/api/v1/messages/" + withdrawalId);
        assertThat(record.get("replies")).extracting(r -> r.get("recipient").asText())
                .containsExactlyInAnyOrder("agency.customs", "agency.CD", "agency.DN");
    }

    private static void awaitSilenceNotices(String party, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            HubClient.Received notice = client.receive(party, REPLY_WAIT);
            assertThat(notice).as("silence notice " + (i + 1)).isNotNull();
            assertThat(notice.body()).contains("A201");
        }
    }

    /** Follows a message's processing record until admission has decided (a client polling a server). */
    private static String awaitStatus(String hubId) throws Exception {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        String status = "RECEIVED";
        while (status.equals("RECEIVED") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            status = client.get("/api/v1/messages/" + hubId).get("status").asText();
        }
        return status;
    }

    @Test
    void aStandaloneFoodApplicationGoesStraightToTheFoodAgencyAndItsAnswersComeBack() throws Exception {
        byte[] application = Files.readAllBytes(Path.of("samples/NX601/valid/standalone.xml"));
        HubClient.Answer answer = client.post(application, "application/xml", "FOODTRADER");
        assertThat(answer.status()).isEqualTo(202);

        List<String> types = new ArrayList<>();
        while (!types.contains("NX602")) {
            HubClient.Received reply = client.receive("FOODTRADER", REPLY_WAIT);
            assertThat(reply).as("replies so far " + types).isNotNull();
            types.add(reply.messageType());
        }
        assertThat(types).startsWith("NX901").doesNotContain("NX5106");

        JsonNode record = client.get("/api/v1/messages/" + answer.json().get("hubId").asText());
        JsonNode view = client.get("/api/v1/declarations/" + record.get("caseId").asText());
        assertThat(view.get("kind").asText()).isEqualTo("STANDALONE");
        assertThat(view.get("agencies")).hasSize(1);
        assertThat(view.get("agencies").get(0).get("agency").asText()).isEqualTo("CD");
        assertThat(view.get("agencies").get(0).get("state").asText()).isEqualTo("CLOSED");
    }
}
