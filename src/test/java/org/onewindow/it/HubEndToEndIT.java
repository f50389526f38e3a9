package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.it.CombinedDeclarationChecks.assertCaseHistoryComplete;
import static org.onewindow.it.CombinedDeclarationChecks.assertExactlyOneMergedAckAndEveryFinalResult;
import static org.onewindow.it.CombinedDeclarationChecks.manyDeclarationsAtOnce;
import static org.onewindow.it.CombinedDeclarationChecks.repliesUntilComplete;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.admit.ReadMessage;
import org.onewindow.message.Dom;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;

/**
 * The whole hub on its embedded broker and database, driven as back offices drive it: the 60-item
 * combined declaration over HTTP and over JMS, its re-send, every invalid sample, and a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubEndToEndIT {
    private static final Path SIXTY_ITEMS = Path.of("samples/NX5105/valid/all-agencies-60-items.xml");
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final int MAX_BYTES = 1_048_576;
    private static final Set<String> TRADER_TYPES = Set.of("NX5105", "NX5105D", "NX601", "NX301_DN", "NX401");
    private static final Pattern DECLARATION_ID = Pattern.compile("(<(?:\\w+:)?ID>)([^<]{14})(</(?:\\w+:)?ID>)");

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;
    static String httpDeclarationNo;
    static JsonNode caseBeforeRestart;

    @BeforeAll
    static void startHub() throws Exception {
        hub = new TestHub(dataDir, settings()).start();
        client = new HubClient(hub);
        client.delegateSampleImporters("BROKERHTTP", "BROKERJMS", "TESTER", "PREFERSJMS");
    }

    /** A small size limit, so the 413 answer can be shown without a huge body. */
    private static Properties settings() {
        Properties settings = new Properties();
        settings.setProperty("onewindow.intake.max-bytes", String.valueOf(MAX_BYTES));
        return settings;
    }

    @AfterAll
    static void stopHub() throws Exception {
        client.close();
        hub.stop();
    }

    @Test
    @Order(1)
    void combinedDeclarationOverHttpReachesEveryAgencyAndIsAnsweredOnce() throws Exception {
        byte[] declaration = Files.readAllBytes(SIXTY_ITEMS);
        HubClient.Answer answer = client.post(declaration, "application/xml", "BROKERHTTP");
        assertThat(answer.status()).isEqualTo(202);
        String hubId = answer.json().get("hubId").asText();

        List<HubClient.Received> replies = repliesUntilComplete(client, "BROKERHTTP");
        assertExactlyOneMergedAckAndEveryFinalResult(replies);

        JsonNode record = client.get("/api/v1/messages/" + hubId);
        assertThat(record.get("status").asText()).isEqualTo("ADMITTED");
        httpDeclarationNo = record.get("declarationNo").asText();
        assertDerivedMessagesCoverTheRightItems(record.get("caseId").asText());
        assertCaseHistoryComplete(client.get("/api/v1/declarations/" + record.get("caseId").asText()));
    }

    @Test
    @Order(2)
    void combinedDeclarationOverJmsIsHandledTheSameWay() throws Exception {
        String xml = Files.readString(SIXTY_ITEMS, StandardCharsets.UTF_8);
        Matcher id = DECLARATION_ID.matcher(xml);
        assertThat(id.find()).isTrue();
        String fresh = id.group(2).substring(0, 9) + "54321";
        client.sendToInbound(id.replaceFirst("$1" + Matcher.quoteReplacement(fresh) + "$3").getBytes(StandardCharsets.UTF_8),
                "BROKERJMS");

        List<HubClient.Received> replies = repliesUntilComplete(wait -> client.receiveFromQueue("BROKERJMS", wait));
        assertExactlyOneMergedAckAndEveryFinalResult(replies);
        JsonNode view = client.get("/api/v1/declarations/" + fresh.replace(" ", "%20"));
        assertThat(view.get("channel").asText()).isEqualTo("JMS");
        assertCaseHistoryComplete(view);
        assertThat(repliesToSubmitter(view)).as("replies to a JMS sender leave on JMS").allMatch("JMS"::equals);
        assertThat(client.browseHubIds("onewindow.outbound." + client.party("BROKERHTTP").partyId()))
                .as("an HTTP sender pulls its replies; nothing waits on a queue for it").isEmpty();
    }

    @Test
    @Order(3)
    void aPartyThatPrefersJmsGetsRepliesOnItsQueueWhateverItSentOn() throws Exception {
        String party = client.party("PREFERSJMS").partyId();
        HubClient.Answer changed = client.call("PUT", "/api/v1/admin/parties/" + party, TestParties.OPERATOR,
                "{\"replyChannel\": \"JMS\"}");
        assertThat(changed.status()).as(changed.json().toString()).isEqualTo(200);
        String xml = Files.readString(SIXTY_ITEMS, StandardCharsets.UTF_8);
        Matcher id = DECLARATION_ID.matcher(xml);
        assertThat(id.find()).isTrue();
        String fresh = id.group(2).substring(0, 9) + "54322";
        HubClient.Answer answer = client.post(id.replaceFirst("$1" + Matcher.quoteReplacement(fresh) + "$3")
                .getBytes(StandardCharsets.UTF_8), "application/xml", "PREFERSJMS");
        assertThat(answer.status()).isEqualTo(202);

        assertExactlyOneMergedAckAndEveryFinalResult(repliesUntilComplete(wait -> client.receiveFromQueue("PREFERSJMS", wait)));
        JsonNode view = client.get("/api/v1/declarations/" + fresh.replace(" ", "%20"));
        assertThat(view.get("channel").asText()).isEqualTo("HTTP");
        assertThat(repliesToSubmitter(view)).as("the party's registered channel wins").isNotEmpty().allMatch("JMS"::equals);
    }

    /** The channel of every message the case view lists as sent to the case's submitter. */
    private static List<String> repliesToSubmitter(JsonNode view) {
        List<String> channels = new ArrayList<>();
        for (JsonNode m : view.get("messages")) {
            if ("OUT".equals(m.path("direction").asText()) && view.get("submitter").asText().equals(m.path("recipient").asText())) {
                channels.add(m.get("channel").asText());
            }
        }
        return channels;
    }

    @Test
    @Order(4)
    void reSendingTheSameDeclarationOpensNoSecondCase() throws Exception {
        JsonNode before = client.get("/api/v1/declarations/" + httpDeclarationNo.replace(" ", "%20"));
        HubClient.Answer again = client.post(Files.readAllBytes(SIXTY_ITEMS), "application/xml", "BROKERHTTP");
        assertThat(again.status()).isEqualTo(202);

        // the re-send is answered with the original outcome: the same replies, one merged acknowledgement
        assertExactlyOneMergedAckAndEveryFinalResult(repliesUntilComplete(client, "BROKERHTTP"));
        JsonNode record = client.get("/api/v1/messages/" + again.json().get("hubId").asText());
        assertThat(record.get("status").asText()).isEqualTo("DUPLICATE");
        JsonNode after = client.get("/api/v1/declarations/" + httpDeclarationNo.replace(" ", "%20"));
        assertThat(after.get("caseId").asText()).isEqualTo(before.get("caseId").asText());
        assertThat(after.get("history").size()).isEqualTo(before.get("history").size());
    }

    @Test
    @Order(5)
    void everyInvalidSampleIsStoredAndAnsweredWithItsCode() throws Exception {
        List<Path> invalid = samples("invalid");
        assertThat(invalid).isNotEmpty();
        for (Path sample : invalid) {
            assertRejected(sample, sample.getFileName().toString().substring(0, 4));
        }
    }

    @Test
    @Order(6)
    void messagesOnlyAgenciesOrTheHubSendAreRefusedFromATrader() throws Exception {
        for (Path sample : samples("valid")) {
            String type = sample.getParent().getParent().getFileName().toString();
            if (!TRADER_TYPES.contains(type)) {
                assertRejected(sample, "W008");
            }
        }
    }

    /** Posts a sample as a trader and checks the stored rejection and its reply (NX5106 N for business faults). */
    private static void assertRejected(Path sample, String code) throws Exception {
        HubClient.Answer answer = client.post(Files.readAllBytes(sample), "application/xml", "TESTER");
        assertThat(answer.status()).as(sample.toString()).isEqualTo(202);
        HubClient.Received reply = client.receive("TESTER", REPLY_WAIT);
        assertThat(reply).as("reply to " + sample).isNotNull();
        assertThat(reply.messageType()).as(sample.toString()).isEqualTo(code.startsWith("B") ? "NX5106" : "NX903");
        assertThat(reply.body()).as(sample.toString()).contains(code);
        JsonNode record = client.get("/api/v1/messages/" + answer.json().get("hubId").asText());
        assertThat(record.get("status").asText()).as(sample.toString()).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).as(sample.toString()).isEqualTo(code);
        assertThat(record.get("replies")).as(sample.toString()).hasSize(1);
    }

    /** Every sample file in samples/<TYPE>/<kind>/, sorted (the XML twins of the EDIFACT samples are EdifactIT's). */
    private static List<Path> samples(String kind) throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".xml") && p.getParent().getFileName().toString().equals(kind)
                            && !p.startsWith(Path.of("samples", "EDIFACT")))
                    .sorted().toList();
        }
    }

    @Test
    @Order(7)
    void refusalsAtTheDoorAreProblemAnswers() throws Exception {
        HubClient.Answer notXml = client.post("hello".getBytes(StandardCharsets.UTF_8), "text/plain", "TESTER");
        assertThat(notXml.status()).isEqualTo(415);
        assertThat(notXml.json().get("code").asText()).isEqualTo("W007");
        JsonNode stored = client.get("/api/v1/messages/" + notXml.json().get("hubId").asText());
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED");

        HubClient.Answer empty = client.post(new byte[0], "application/xml", "TESTER");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("code").asText()).isEqualTo("W009");

        HubClient.Answer tooLarge = client.post(new byte[MAX_BYTES + 1], "application/xml", "TESTER");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("W005");
        assertThat(client.get("/api/v1/messages/" + tooLarge.json().get("hubId").asText()).get("errorCode").asText())
                .isEqualTo("W005");
    }

    @Test
    @Order(8)
    void repliesCanAlsoBePulledOverHttpAndAcknowledged() throws Exception {
        String mailbox = "/api/v1/parties/" + client.party("BROKERJMS").partyId() + "/messages";
        JsonNode waiting = client.getAs("BROKERJMS", mailbox, 200);
        assertThat(waiting).extracting(m -> m.get("messageType").asText()).contains("NX5106", "NX602", "NX302_DN", "NX402", "N5116");
        JsonNode first = waiting.get(0);
        assertThat(first.get("body").asText()).startsWith("<?xml");
        String path = mailbox + "/" + first.get("hubId").asText() + "/ack";
        assertThat(client.postEmpty(path, "BROKERJMS")).isEqualTo(204);
        assertThat(client.postEmpty(path, "BROKERJMS")).isEqualTo(404);
        assertThat(client.getAs("BROKERJMS", mailbox, 200)).hasSize(waiting.size() - 1);
        assertThat(client.get("/api/v1/parties/NOBODY/messages")).isEmpty();
    }

    @Test
    @Order(9)
    void manyDeclarationsAtOnceEachEndReleasedWithOneMergedAcknowledgement() throws Exception {
        manyDeclarationsAtOnce(client, "BROKERMANY", 25);
    }

    @Test
    @Order(10)
    void aRestartKeepsEveryCaseAndMessage() throws Exception {
        caseBeforeRestart = client.get("/api/v1/declarations/" + httpDeclarationNo.replace(" ", "%20"));
        client.close();
        hub.stop();
        hub = new TestHub(dataDir, settings()).start();
        client = new HubClient(hub);
        JsonNode after = client.get("/api/v1/declarations/" + httpDeclarationNo.replace(" ", "%20"));
        assertThat(after.get("caseId")).isEqualTo(caseBeforeRestart.get("caseId"));
        assertThat(after.get("state")).isEqualTo(caseBeforeRestart.get("state"));
        assertThat(after.get("history")).isEqualTo(caseBeforeRestart.get("history"));
        assertThat(after.get("messages")).isEqualTo(caseBeforeRestart.get("messages"));
    }

    /** Each agency's stored message is valid under its schema and carries exactly the items routed to it. */
    private static void assertDerivedMessagesCoverTheRightItems(String caseId) throws Exception {
        MessageStore store = hub.bean("messageStore", MessageStore.class);
        ReadMessage reader = new ReadMessage(SchemaRegistry.bundled(), Integer.MAX_VALUE);
        JsonNode view = client.get("/api/v1/declarations/" + caseId);
        Map<String, String> itemsByAgency = new HashMap<>();
        view.get("agencies").forEach(a -> itemsByAgency.put(a.get("agency").asText(), a.get("items").asText()));
        assertThat(itemsByAgency).containsOnlyKeys("customs", "CD", "DN", "VP");
        assertThat(itemsByAgency.get("customs").split(",")).hasSize(60);

        for (StoredMessage m : store.ofCase(caseId)) {
            if (!"OUT".equals(m.direction()) || m.recipient() == null || !m.recipient().startsWith("agency.")) {
                continue;
            }
            ReadMessage.Result read = reader.read(store.body(m.hubId()).orElseThrow());
            assertThat(read.ok()).as(m.recipient() + ": " + read.rejection()).isTrue();
            List<String> items = Dom.all(read.message().root(), "GoodsShipment", "GovernmentAgencyGoodsItem").stream()
                    .map(e -> Dom.text(e, "SequenceNumeric")).toList();
            String agency = m.recipient().substring("agency.".length());
            assertThat(String.join(",", items)).as(agency).isEqualTo(itemsByAgency.get(agency));
        }
    }

}
