package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.store.StoredBody;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Legacy EDIFACT through the real hub: a CUSDEC interchange posted by an authenticated broker gets a CONTRL, its
 * declarations are translated to exactly their XML twins (XMLUnit), make the same cases as those twins sent as
 * signed XML, and every reply to the EDIFACT sender is a CUSRES; broken interchanges get a CONTRL naming the
 * segment and the syntax error code; EDIFACT on the unauthenticated JMS intake, or naming another sender, is refused.
 */
class EdifactIT extends SharedHub {
    private static final Path VALID = Path.of("samples/EDIFACT/valid");
    private static final Path INVALID = Path.of("samples/EDIFACT/invalid");
    private static final String EDIFACT = "application/EDIFACT";
    private static final String SAMPLE_SENDER = "+16151437+HUB+";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aValidInterchangeIsAcknowledgedTranslatedToItsTwinAndMakesTheSameCaseWithCusresReplies() throws Exception {
        String broker = "edi-single";
        client.delegateSampleImporters(broker);
        HubClient.Answer posted = client.postAs(client.party(broker).token(), interchange(VALID.resolve("single-declaration.edi"), broker),
                EDIFACT);
        assertThat(posted.status()).isEqualTo(202);
        String hubId = posted.json().get("hubId").asText();

        HubClient.Received contrl = awaitReply(broker, "CONTRL");
        assertThat(segments(contrl.body())).contains("UCI+KK2502030001+" + id(broker) + "+HUB+7", "UCM+1+CUSDEC:D:96B:UN+7");
        HubClient.Received acknowledgement = awaitReply(broker, "NX5106");
        assertThat(acknowledgement.body()).startsWith("UNB+UNOC:3+HUB+" + id(broker) + "+");
        assertThat(segments(acknowledgement.body())).contains("UNH+1+CUSRES:D:96B:UN", "GIS+Y", "RFF+ABT:CA  14K7300201");
        HubClient.Received release = awaitReply(broker, "N5116");
        assertThat(segments(release.body())).contains("UNH+1+CUSRES:D:96B:UN", "RFF+ABT:CA  14K7300201");

        List<String> translated = translatedOf(hubId);
        assertThat(translated).hasSize(1);
        assertSameXml(translated.get(0), Files.readString(VALID.resolve("single-declaration.xml")));
        JsonNode interchangeRecord = client.getAs(broker, "/api/v1/messages/" + hubId, 200);
        assertThat(interchangeRecord.get("status").asText()).isEqualTo("TRANSLATED");
        assertThat(interchangeRecord.get("messageType").asText()).isEqualTo("CUSDEC");
        assertThat(interchangeRecord.get("syntax").asText()).isEqualTo("EDI");
        assertThat(interchangeRecord.get("replies")).extracting(r -> r.get("messageType").asText() + " " + r.get("syntax").asText())
                .containsExactly("CONTRL EDI");

        String twinNumber = "CA  14K7300291";
        byte[] twin = Files.readString(VALID.resolve("single-declaration.xml")).replace("CA  14K7300201", twinNumber)
                .getBytes(StandardCharsets.UTF_8);
        assertThat(client.post(twin, "application/xml", broker).status()).isEqualTo(202);
        assertThat(awaitReply(broker, "NX5106").body()).startsWith("<?xml");
        JsonNode fromEdi = awaitCase(broker, "CA  14K7300201", "RELEASED");
        JsonNode fromXml = awaitCase(broker, twinNumber, "RELEASED");
        assertThat(caseShape(fromEdi)).isEqualTo(caseShape(fromXml));
    }

    @Test
    void severalMessagesInOneInterchangeBecomeOneCaseEachAndAgencyResultsComeBackAsCusres() throws Exception {
        String broker = "edi-two";
        client.delegateSampleImporters(broker);
        String hubId = client.postAs(client.party(broker).token(), interchange(VALID.resolve("two-declarations.edi"), broker),
                EDIFACT).json().get("hubId").asText();

        assertThat(segments(awaitReply(broker, "CONTRL").body())).contains("UCI+KK2502030002+" + id(broker) + "+HUB+7",
                "UCM+1+CUSDEC:D:96B:UN+7", "UCM+2+CUSDEC:D:96B:UN+7");
        HubClient.Received foodResult = awaitReply(broker, "NX602");
        assertThat(segments(foodResult.body())).contains("UNH+1+CUSRES:D:96B:UN", "RFF+ABT:AA  14K7300203");

        List<String> translated = translatedOf(hubId);
        assertThat(translated).hasSize(2);
        assertSameXml(declaring(translated, "CA  14K7300202"), Files.readString(VALID.resolve("two-declarations-1.xml")));
        assertSameXml(declaring(translated, "AA  14K7300203"), Files.readString(VALID.resolve("two-declarations-2.xml")));
        assertThat(awaitCase(broker, "CA  14K7300202", "RELEASED").get("agencies")).extracting(a -> a.get("agency").asText())
                .containsExactly("customs");
        assertThat(awaitCase(broker, "AA  14K7300203", "RELEASED").get("agencies")).extracting(a -> a.get("agency").asText())
                .contains("customs", "CD");
    }

    @Test
    void aBrokenMessageIsRejectedAloneAndItsSiblingIsFiled() throws Exception {
        String broker = "edi-partly";
        client.delegateSampleImporters(broker);
        byte[] partly = new String(interchange(VALID.resolve("two-declarations.edi"), broker), StandardCharsets.ISO_8859_1)
                .replace("CA  14K7300202", "CA  14K7300292").replace("BGM+929+AA  14K7300203+9'", "BGM+929+AA  14K7300293'")
                .getBytes(StandardCharsets.ISO_8859_1);
        String hubId = client.postAs(client.party(broker).token(), partly, EDIFACT).json().get("hubId").asText();

        assertThat(segments(awaitReply(broker, "CONTRL").body())).contains("UCM+1+CUSDEC:D:96B:UN+7", "UCM+2+CUSDEC:D:96B:UN+4",
                "UCS+2", "UCD+13+3");
        assertThat(awaitCase(broker, "CA  14K7300292", "RELEASED").get("submitter").asText()).isEqualTo(id(broker));
        JsonNode record = client.getAs(broker, "/api/v1/messages/" + hubId, 200);
        assertThat(record.get("status").asText()).isEqualTo("TRANSLATED");
        assertThat(record.get("errorCode").asText()).isEqualTo("W010");
        assertThat(record.get("errorText").asText()).contains("message 2 segment 2 (BGM), element 3: syntax error 13");
        assertThat(translatedOf(hubId)).hasSize(1);
    }

    static Stream<String[]> brokenSamples() throws Exception {
        return Files.readAllLines(INVALID.resolve("expected.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",", 3));
    }

    @ParameterizedTest
    @MethodSource("brokenSamples")
    void aBrokenInterchangeGetsAContrlNamingTheSegmentAndErrorCode(String file, String expected, String why) throws Exception {
        String broker = "edi-" + file.substring(0, file.indexOf('.'));
        String hubId = client.postAs(client.party(broker).token(), interchange(INVALID.resolve(file), broker), EDIFACT)
                .json().get("hubId").asText();

        HubClient.Received contrl = awaitReply(broker, "CONTRL");

        assertThat(String.join("|", segments(contrl.body()).subList(2, segments(contrl.body()).size() - 2))).as(why)
                .isEqualTo(expected.replace("16151437", id(broker)));
        JsonNode record = client.getAs(broker, "/api/v1/messages/" + hubId, 200);
        assertThat(record.get("status").asText()).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).isEqualTo("W010");
        assertThat(translatedOf(hubId)).isEmpty();
        assertThat(client.receive(broker, Duration.ofSeconds(2))).as("nothing but the CONTRL").isNull();
    }

    @Test
    void edifactOnTheUnauthenticatedJmsIntakeIsRefusedWithContrl17() throws Exception {
        String broker = "edi-jms";
        client.sendRaw("onewindow.inbound", interchange(VALID.resolve("single-declaration.edi"), broker),
                Map.of("OneWindowSender", id(broker)));

        HubClient.Received contrl = awaitReply(broker, "CONTRL");

        assertThat(segments(contrl.body())).contains("UCI+KK2502030001+" + id(broker) + "+HUB+4+17+UNB");
        assertThat(client.receive(broker, Duration.ofSeconds(2))).isNull();
    }

    @Test
    void anInterchangeNamingAnotherSenderIsRefusedWithContrl23() throws Exception {
        String broker = "edi-impostor";
        byte[] someoneElses = Files.readAllBytes(VALID.resolve("single-declaration.edi"));
        assertThat(client.postAs(client.party(broker).token(), someoneElses, "text/plain").status()).isEqualTo(415);

        assertThat(client.postAs(client.party(broker).token(), someoneElses, EDIFACT).status()).isEqualTo(202);

        assertThat(segments(awaitReply(broker, "CONTRL").body())).contains("UCI+KK2502030001+16151437+HUB+4+23+UNB+2:1");
        assertThat(client.receive(broker, Duration.ofSeconds(2))).isNull();
    }

    /** The sample with the test broker as UNB sender: the sender must be the party that posts it. */
    private static byte[] interchange(Path sample, String broker) throws Exception {
        return Files.readString(sample, StandardCharsets.ISO_8859_1).replace(SAMPLE_SENDER, "+" + id(broker) + "+HUB+")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String id(String alias) {
        return client.party(alias).partyId();
    }

    private static List<String> segments(String interchange) {
        return List.of(interchange.split("'\\s*"));
    }

    private static HubClient.Received awaitReply(String party, String type) throws Exception {
        for (HubClient.Received reply = client.receive(party, WAIT); reply != null; reply = client.receive(party, WAIT)) {
            if (reply.messageType().equals(type)) {
                return reply;
            }
        }
        throw new AssertionError("No " + type + " for " + party + " within " + WAIT);
    }

    /** Reads the party's replies until the case is filed, reaches the state and every agency has closed its part. */
    private static JsonNode awaitCase(String party, String declarationNo, String state) throws Exception {
        while (true) {
            HubClient.Answer found = client.call("GET", "/api/v1/declarations/" + declarationNo.replace(" ", "%20"), party, null);
            if (found.status() == 404) {
                assertThat(client.receive(party, WAIT)).as(declarationNo + " is not filed").isNotNull();
                continue;
            }
            JsonNode view = found.json();
            boolean closed = true;
            for (JsonNode agency : view.get("agencies")) {
                closed &= agency.get("state").asText().equals("CLOSED");
            }
            if (closed && state.equals(view.get("state").asText())) {
                return view;
            }
            assertThat(client.receive(party, WAIT)).as(declarationNo + " is " + view.get("state")).isNotNull();
        }
    }

    /** What the case is, without what must differ between two filings: ids, numbers, times. */
    private static List<String> caseShape(JsonNode c) {
        List<String> shape = new ArrayList<>(List.of(c.get("kind").asText(), c.get("state").asText(), c.get("channel").asText(),
                c.get("mergedAcknowledgement").asText(), c.get("customsSelection").asText(), c.get("importer").asText()));
        c.get("agencies").forEach(a -> shape.add(a.get("agency").asText() + " " + a.get("messageType").asText() + " "
                + a.get("items") + " " + a.get("state").asText() + " " + a.get("firstVerdict").asText()));
        c.get("history").forEach(e -> shape.add(e.get("agency").asText() + ": " + e.get("from").asText() + " -> " + e.get("to").asText()));
        return shape;
    }

    private static void assertSameXml(String translated, String twin) {
        Diff diff = DiffBuilder.compare(twin).withTest(translated).ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    private static String declaring(List<String> declarations, String number) {
        return declarations.stream().filter(d -> d.contains("<ID>" + number + "</ID>")).findFirst().orElseThrow();
    }

    /** The declarations the hub translated from an interchange, as it stored them. */
    private static List<String> translatedOf(String interchangeHubId) throws Exception {
        List<String> bodies = new ArrayList<>();
        try (var connection = hub.bean("dataSource", DataSource.class).getConnection();
             var query = connection.prepareStatement("select " + StoredBody.COLUMNS + ", m.syntax from message m join message_body b on b.hub_id = m.hub_id "
                     + "where m.triggered_by = ? and m.direction = 'IN' order by m.received_at")) {
            query.setString(1, interchangeHubId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString("syntax")).isEqualTo("EDI");
                    bodies.add(new String(StoredBody.read(rows), StandardCharsets.UTF_8));
                }
            }
        }
        return bodies;
    }
}
