package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The connection test on the whole hub, as a new party's back office goes through it: it sends its NX5105 to
 * {@code POST /api/v1/test/messages}, the demo agencies of the test world answer (receipts, results, release), the
 * hub answers the merged NX5106, and once every pair of the default list passed the party downloads its signed
 * test-pass certificate. A party whose food item fails inspection sees that pair FAILED and gets no certificate.
 *
 * <p>The production demo agencies are off here, as in the prod profile: a test message that leaked to an agency's
 * production queue would stay there, and the test checks that none did, that no production case was opened and
 * that the statistics count none of it.
 */
class ConnectionTestIT {
    private static final Path SAMPLE = Path.of("samples/NX5105/valid/all-agencies-60-items.xml");
    private static final String SAMPLE_NUMBER = "AA  14K7300103";
    private static final String FOOD_ITEM = "<Description>INSTANT RAMEN TONKOTSU 5 X 100G</Description>";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A demo trader given its own list of pairs in the hub's settings. */
    private static final String FOOD_TRADER = "24536806";
    private static final List<String> DEFAULT_PAIRS = List.of("NX5105>NX5106", "NX5105>NX901@CD", "NX5105>NX901@DN",
            "NX5105>NX901@VP", "NX5105>NX602@CD", "NX5105>NX302_DN@DN", "NX5105>NX402@VP", "NX5105>N5116@customs");

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;

    @BeforeAll
    static void start() throws Exception {
        Properties productionAgenciesOff = new Properties();
        productionAgenciesOff.setProperty("onewindow.demo-agencies.enabled", "false");
        productionAgenciesOff.setProperty("onewindow.connection-test.pairs." + FOOD_TRADER, "NX601>NX901@CD, NX601>NX602@CD");
        hub = new TestHub(dataDir, productionAgenciesOff).start();
        client = new HubClient(hub);
        client.delegateSampleImporters("CERTIFIED", "FAILING");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        hub.stop();
    }

    @Test
    void aPartyPassesEveryPairForNx5105AndGetsTheSignedCertificate() throws Exception {
        String party = client.party("CERTIFIED").partyId();
        String number = SAMPLE_NUMBER.substring(0, 9) + "05001";
        assertThat(client.postTest(declaration(number, false), "CERTIFIED").status()).isEqualTo(202);

        JsonNode status = awaitSettled("CERTIFIED", party);
        assertThat(status.get("pairs")).extracting(p -> p.get("pair").asText()).containsExactlyElementsOf(DEFAULT_PAIRS);
        assertThat(status.get("pairs")).allSatisfy(p -> assertThat(p.get("state").asText()).as(p.toString()).isEqualTo("PASSED"));
        assertThat(status.get("passed").asBoolean()).isTrue();

        HubClient.Download certificate = client.download("CERTIFIED", status.get("certificate").asText());
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.contentType()).startsWith("application/xml");
        Document document = HubSignedCertificate.check(certificate.body(), hub);
        assertThat(HubSignedCertificate.text(document, "Party")).isEqualTo(party);
        assertThat(document.getElementsByTagNameNS("urn:onewindow:certificate:1", "PassedPair").getLength())
                .isEqualTo(DEFAULT_PAIRS.size());

        // the test world stayed apart: a test case, no production case, no real agency queue, no statistics
        String path = number.replace(" ", "%20");
        assertThat(client.getAs("CERTIFIED", "/api/v1/test/declarations/" + path, 200).get("test").asBoolean()).isTrue();
        client.getAs("CERTIFIED", "/api/v1/declarations/" + path, 404);
        for (String queue : List.of("agency.customs", "agency.CD", "agency.DN", "agency.VP")) {
            assertThat(client.browseHubIds(queue)).as(queue).isEmpty();
        }
        assertThat(client.getAs("CERTIFIED", "/api/v1/statistics", 200).get("rows")).isEmpty();
        // another party cannot see this party's test or download its certificate
        client.getAs("FAILING", "/api/v1/parties/" + party + "/connection-test", 404);
        assertThat(client.download("FAILING", status.get("certificate").asText()).status()).isEqualTo(404);
    }

    @Test
    void aPartyWithOneFailingPairSeesWhichAndGetsNoCertificate() throws Exception {
        String party = client.party("FAILING").partyId();
        String number = SAMPLE_NUMBER.substring(0, 9) + "05002";
        assertThat(client.postTest(declaration(number, true), "FAILING").status()).isEqualTo(202);

        JsonNode status = awaitSettled("FAILING", party);
        assertThat(status.get("passed").asBoolean()).isFalse();
        assertThat(status.get("certificate")).isNull();
        assertThat(status.get("pairs")).filteredOn(p -> !p.get("state").asText().equals("PASSED"))
                .singleElement().satisfies(failed -> {
                    assertThat(failed.get("pair").asText()).isEqualTo("NX5105>NX602@CD");
                    assertThat(failed.get("state").asText()).isEqualTo("FAILED");
                    assertThat(failed.get("detail").asText()).contains("Result N from CD");
                });

        HubClient.Download refused = client.download("FAILING", "/api/v1/parties/" + party + "/connection-test/certificate");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("NX5105>NX602@CD FAILED");
    }

    @Test
    void aJmsBackOfficeFlagsOneMessageAsATestWithTheMessageProperty() throws Exception {
        TestParties.Credentials party = client.party("CERTIFIED");
        String number = SAMPLE_NUMBER.substring(0, 9) + "05003";
        client.sendRaw("onewindow.inbound", HubClient.sign(party, declaration(number, false)),
                Map.of("OneWindowSender", party.partyId(), "OneWindowTest", "true"));

        String path = number.replace(" ", "%20");
        long deadline = System.nanoTime() + WAIT.toNanos();
        HubClient.Answer testCase = client.call("GET", "/api/v1/test/declarations/" + path, "CERTIFIED", null);
        while (testCase.status() == 404 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            testCase = client.call("GET", "/api/v1/test/declarations/" + path, "CERTIFIED", null);
        }
        assertThat(testCase.status()).isEqualTo(200);
        assertThat(testCase.json().get("test").asBoolean()).isTrue();
        assertThat(testCase.json().get("channel").asText()).isEqualTo("JMS");
        client.getAs("CERTIFIED", "/api/v1/declarations/" + path, 404);
    }

    @Test
    void aPartyWithItsOwnListIsTestedOnThatListOnly() throws Exception {
        JsonNode status = client.getAs(FOOD_TRADER, "/api/v1/parties/" + FOOD_TRADER + "/connection-test", 200);
        assertThat(status.get("pairs")).extracting(p -> p.get("pair").asText() + " " + p.get("state").asText())
                .containsExactly("NX601>NX901@CD PENDING", "NX601>NX602@CD PENDING");
        assertThat(status.get("passed").asBoolean()).isFalse();
    }

    /** The sample under a new declaration number; {@code failFood}: its food item fails the demo laboratory. */
    private static byte[] declaration(String number, boolean failFood) throws Exception {
        String xml = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace(SAMPLE_NUMBER, number);
        if (failFood) {
            assertThat(xml).contains(FOOD_ITEM);
            xml = xml.replace(FOOD_ITEM, "<Description>INSTANT RAMEN DEMO-FAIL 5 X 100G</Description>");
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Polls the party's connection-test status (as a back office would) until no pair is pending any more. */
    private static JsonNode awaitSettled(String alias, String party) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode status = client.getAs(alias, "/api/v1/parties/" + party + "/connection-test", 200);
        while (pending(status) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            status = client.getAs(alias, "/api/v1/parties/" + party + "/connection-test", 200);
        }
        assertThat(pending(status)).as("pairs still pending: " + status).isFalse();
        return status;
    }

    private static boolean pending(JsonNode status) {
        for (JsonNode pair : status.get("pairs")) {
            if (pair.get("state").asText().equals("PENDING")) {
                return true;
            }
        }
        return false;
    }
}
