package org.onewindow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A back office as a test plays it: a real HTTP client on the hub's REST API and a real JMS client on
 * the broker's TCP acceptor, as any broker system outside the hub would use them.
 */
final class HubClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Business ids of the importers the sample messages name. */
    /** How often {@link #receive} looks into a mailbox while waiting for a reply. */
    private static final Duration MAILBOX_POLL = Duration.ofMillis(50);
    static final List<String> SAMPLE_IMPORTERS = List.of("12345675", "24536806");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Connection connection;
    private final Session session;
    private final TestParties parties;

    HubClient(TestHub hub) throws JMSException {
        this.baseUrl = hub.baseUrl();
        this.parties = new TestParties(hub);
        this.connection = new ActiveMQConnectionFactory(hub.brokerUrl()).createConnection();
        this.connection.start();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /** The party a test plays: a demo party by id, or a test broker by alias. */
    TestParties.Credentials party(String aliasOrId) {
        return parties.get(aliasOrId);
    }

    /** POSTs a message signed by the sender, authenticated with its API token; returns the status and JSON answer. */
    Answer post(byte[] body, String contentType, String sender) throws IOException, InterruptedException {
        TestParties.Credentials party = parties.get(sender);
        return postAs(party.token(), HttpRequest.BodyPublishers.ofByteArray(sign(party, body)), contentType);
    }

    /** POSTs a connection-test message (POST /api/v1/test/messages), signed by the sender, with its API token. */
    Answer postTest(byte[] body, String sender) throws IOException, InterruptedException {
        TestParties.Credentials party = parties.get(sender);
        return postAs("/api/v1/test/messages", party.token(), HttpRequest.BodyPublishers.ofByteArray(sign(party, body)),
                "application/xml");
    }

    /** POSTs a message streamed from {@code body} (chunked), never holding it in memory; not signed. */
    Answer postStream(Supplier<InputStream> body, String contentType, String sender) throws IOException, InterruptedException {
        return postAs(parties.get(sender).token(), HttpRequest.BodyPublishers.ofInputStream(body), contentType);
    }

    /** POSTs the bytes exactly as given, authenticated with the token. */
    Answer postAs(String token, byte[] body, String contentType) throws IOException, InterruptedException {
        return postAs(token, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private Answer postAs(String token, HttpRequest.BodyPublisher body, String contentType) throws IOException, InterruptedException {
        return postAs("/api/v1/messages", token, body, contentType);
    }

    private Answer postAs(String path, String token, HttpRequest.BodyPublisher body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(body)
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** GET as the operator (admin: sees everything). */
    JsonNode get(String path) throws IOException, InterruptedException {
        return getAs(TestParties.OPERATOR, path, 200);
    }

    /** GET as a party, expecting the status. */
    JsonNode getAs(String party, String path, int expectedStatus) throws IOException, InterruptedException {
        return parties.call("GET", path, parties.get(party).token(), "application/json", "", expectedStatus);
    }

    /** Calls the REST API as a party (its API token; null: unauthenticated) with an optional JSON body. */
    Answer call(String method, String path, String party, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (party != null) {
            request.header("Authorization", "Bearer " + parties.get(party).token());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /**
     * The importer grants the party a long-term delegation (WJA02) and the party accepts it (WJA03), so the party
     * may send the importer's declarations; returns the delegation id.
     */
    String delegate(String importer, String party) throws IOException, InterruptedException {
        Answer granted = call("POST", "/api/v1/delegations", importer, "{\"broker\": \"" + parties.get(party).partyId()
                + "\", \"scope\": \"LONG_TERM\", \"validUntil\": \"" + java.time.LocalDate.now().plusDays(30) + "\"}");
        if (granted.status() != 201) {
            throw new AssertionError("Grant answered " + granted.status() + ": " + granted.json());
        }
        String id = granted.json().get("id").asText();
        Answer accepted = call("POST", "/api/v1/delegations/" + id + "/answer", party, "{\"accept\": true}");
        if (accepted.status() != 200) {
            throw new AssertionError("Answer answered " + accepted.status() + ": " + accepted.json());
        }
        return id;
    }

    /** The sample messages' importers (samples/README.md) delegate to each party, so they may send the samples. */
    void delegateSampleImporters(String... parties) throws IOException, InterruptedException {
        for (String party : parties) {
            for (String importer : SAMPLE_IMPORTERS) {
                delegate(importer, party);
            }
        }
    }

    int postEmpty(String path, String party) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + parties.get(party).token())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Puts a message, signed by the sender, on onewindow.inbound as a JMS back office would. */
    void sendToInbound(byte[] body, String sender) throws JMSException {
        TestParties.Credentials party = parties.get(sender);
        try (MessageProducer producer = session.createProducer(session.createQueue("onewindow.inbound"))) {
            var message = session.createBytesMessage();
            message.writeBytes(sign(party, body));
            message.setStringProperty("OneWindowSender", party.partyId());
            producer.send(message);
        }
    }

    /** The document signed with the party's key; bytes that are not XML are returned as they are. */
    static byte[] sign(TestParties.Credentials party, byte[] body) {
        try {
            var document = org.onewindow.schema.SecureXml.documentBuilderFactory().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(body));
            return party.signer().signedBytes(document);
        } catch (Exception notXml) {
            return body;
        }
    }

    /**
     * Puts a message on onewindow.inbound streamed from {@code body}: Artemis sends it as a large message in
     * chunks, so the client never holds it in memory.
     */
    void sendStreamToInbound(InputStream body, String sender) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue("onewindow.inbound"))) {
            var message = session.createBytesMessage();
            message.setObjectProperty("JMS_AMQ_InputStream", body);
            message.setStringProperty("OneWindowSender", parties.get(sender).partyId());
            producer.send(message);
        }
    }

    /** Puts a message on a queue of the hub as-is, with the given string properties. */
    void sendRaw(String queue, byte[] body, Map<String, String> properties) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            var message = session.createBytesMessage();
            message.writeBytes(body);
            for (var p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(message);
        }
    }

    /**
     * The hub ids of the messages waiting on a queue, read without taking them; none while the broker has not
     * created the queue yet (it does so on the hub's first send, which may be under way while a test polls).
     */
    List<String> browseHubIds(String queue) throws JMSException {
        List<String> ids = new ArrayList<>();
        try (var browser = session.createBrowser(session.createQueue(queue))) {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                ids.add(((Message) messages.nextElement()).getStringProperty("OneWindowHubId"));
            }
        } catch (jakarta.jms.InvalidDestinationException notCreatedYet) {
            return List.of();
        }
        return ids;
    }

    /**
     * The next reply in a party's pull mailbox (every reply is kept there, whatever its channel), acknowledged so the
     * next call gets the one after; null when none arrives within the wait.
     */
    Received receive(String party, Duration wait) throws IOException, InterruptedException {
        TestParties.Credentials credentials = parties.get(party);
        String mailbox = "/api/v1/parties/" + credentials.partyId() + "/messages";
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            JsonNode pending = getAs(party, mailbox, 200);
            if (pending.size() > 0) {
                JsonNode next = pending.get(0);
                if (postEmpty(mailbox + "/" + next.get("hubId").asText() + "/ack", party) != 204) {
                    throw new AssertionError("Could not acknowledge " + next.get("hubId").asText());
                }
                return new Received(next.get("messageType").asText(), next.path("caseId").asText(null), next.get("body").asText());
            }
            Thread.sleep(MAILBOX_POLL.toMillis());
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** The next message on a party's JMS outbound queue, or null when none arrives within the wait. */
    Received receiveFromQueue(String party, Duration wait) throws JMSException {
        String queue = "onewindow.outbound." + parties.get(party).partyId();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            Message message = consumer.receive(wait.toMillis());
            if (message == null) {
                return null;
            }
            byte[] body = message.getBody(byte[].class);
            return new Received(message.getStringProperty("OneWindowMessageType"), message.getStringProperty("OneWindowCaseId"),
                    new String(body, StandardCharsets.UTF_8));
        }
    }

    /** GETs a path as a party (its API token) and returns the answer as it came: status, media type, bytes. */
    Download download(String party, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + parties.get(party).token()).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    record Answer(int status, JsonNode json) {
    }

    record Download(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Received(String messageType, String caseId, String body) {
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
