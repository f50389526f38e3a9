package org.onewindow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.onewindow.it.TestHub;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.XmlSigner;

/**
 * One hub as a user runs it (Camel Main, real routes, embedded Artemis and H2, demo agencies answering
 * in-process) in a fresh data directory, with signature checks on or off, and its two senders: the importer
 * 12345675 and the broker 16151437, whom the importer has delegated (WJA02 + WJA03 through the REST API).
 * Declarations are prepared for it before any clock runs: who sends each (in turn) and, with signatures
 * required, signed by that sender's key.
 */
final class HubSession implements AutoCloseable {
    static final String IMPORTER = "12345675";
    static final String BROKER = "16151437";
    private static final String OPERATOR = "operator";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A declaration ready to submit: its number, its sender and the bytes to send. */
    record Submission(String number, String sender, String token, byte[] bytes) {
    }

    final TestHub hub;
    final boolean signed;
    private final HttpClient http = HttpClient.newHttpClient();

    HubSession(Path dataDir, boolean signed, Properties extra) {
        Properties p = new Properties();
        p.setProperty("onewindow.trust.signatures", signed ? "required" : "relaxed");
        p.putAll(extra);
        this.signed = signed;
        this.hub = new TestHub(dataDir, p).start();
    }

    /**
     * Both senders take their replies from their JMS queues, whatever they sent on (an HTTP sender would otherwise
     * pull its mailbox), so one watcher times every declaration until its merged NX5106 is delivered.
     */
    HubSession repliesOnQueues() throws Exception {
        for (String party : List.of(IMPORTER, BROKER)) {
            call("PUT", "/api/v1/admin/parties/" + party, token(OPERATOR), "{\"replyChannel\": \"JMS\"}", 200);
        }
        return this;
    }

    /** A broker connection factory logged in as the operator (the broker takes party logins only). */
    ActiveMQConnectionFactory brokerConnections() throws Exception {
        return new ActiveMQConnectionFactory(hub.brokerUrl(), OPERATOR, token(OPERATOR));
    }

    /** The importer delegates all its declarations to the broker, and the broker accepts. */
    HubSession delegate() throws Exception {
        JsonNode granted = call("POST", "/api/v1/delegations", token(IMPORTER), "{\"broker\": \"" + BROKER
                + "\", \"scope\": \"LONG_TERM\", \"validUntil\": \"" + LocalDate.now().plusDays(30) + "\"}", 201);
        call("POST", "/api/v1/delegations/" + granted.get("id").asText() + "/answer", token(BROKER), "{\"accept\": true}", 200);
        return this;
    }

    List<Submission> prepare(List<DeclarationFactory.Declaration> declarations) throws Exception {
        XmlSigner importerKey = signer(IMPORTER);
        XmlSigner brokerKey = signer(BROKER);
        String importerToken = token(IMPORTER);
        String brokerToken = token(BROKER);
        List<Submission> submissions = new ArrayList<>(declarations.size());
        for (int i = 0; i < declarations.size(); i++) {
            DeclarationFactory.Declaration d = declarations.get(i);
            boolean byBroker = i % 2 == 1;
            byte[] bytes = d.xml();
            if (signed) {
                var document = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
                bytes = (byBroker ? brokerKey : importerKey).signedBytes(document);
            }
            submissions.add(new Submission(d.number(), byBroker ? BROKER : IMPORTER, byBroker ? brokerToken : importerToken, bytes));
        }
        return submissions;
    }

    ReplyWatch watchReplies() throws Exception {
        return new ReplyWatch(brokerConnections(), List.of(IMPORTER, BROKER));
    }

    private XmlSigner signer(String party) throws Exception {
        return new XmlSigner(KeyMaterial.fromPkcs12(hub.dataDir().resolve("demo").resolve(party + ".p12"),
                KeyMaterial.DEMO_PASSWORD.toCharArray()));
    }

    private String token(String party) throws Exception {
        return Files.readString(hub.dataDir().resolve("demo").resolve(party + ".token")).strip();
    }

    private JsonNode call(String method, String path, String token, String json, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        hub.stop();
    }
}
