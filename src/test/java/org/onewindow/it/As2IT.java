package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.as2.As2Receipt;
import org.onewindow.party.Certificates;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;

/**
 * AS2 end to end with Camel's AS2 component playing the broker's AS2 system: signed, signed + encrypted and
 * signed + compressed declarations are admitted and answered with a processed MDN signed by the hub (asynchronously
 * when the message asks for that); a wrong
 * signature and an unknown AS2-From get an error MDN and are stored refused; a re-sent Message-ID is answered but
 * not processed twice. Replies go back over AS2 to the broker's own AS2 server, which is down when the NX5106 is
 * ready and comes up later: the delivery retries and the broker gets it once.
 */
class As2IT {
    private static final Path DECLARATION = Path.of("samples/NX5105/valid/customs-only.xml");
    private static final Pattern DECLARATION_ID = Pattern.compile("(<ID>)([^<]{14})(</ID>)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BROKER = "as2-broker";
    private static final String BROKER_AS2 = "BROKER-K73";
    private static final String RECEIVER = "as2-receiver";

    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;
    static As2Partner broker;
    static As2Partner stranger;
    static As2Partner receiver;
    static X509Certificate hubCertificate;
    static String hubAs2Id;
    static int receiverAs2Port = TestHub.freePort();
    private static int serial = 1;

    @BeforeAll
    static void startHub() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("onewindow.as2.retries", "5");
        settings.setProperty("onewindow.as2.retry-delay-ms", "500");
        settings.setProperty("onewindow.as2.breaker.open-seconds", "1");
        hub = new TestHub(dataDir, settings).start();
        client = new HubClient(hub);
        client.delegateSampleImporters(BROKER);
        broker = As2Partner.issuedBy(dataDir, BROKER_AS2);
        broker.agreeFor(client, BROKER, null);
        JsonNode profile = client.getAs(BROKER, "/api/v1/as2/hub", 200);
        hubAs2Id = profile.get("as2Id").asText();
        hubCertificate = Certificates.fromPem(profile.get("certificatePem").asText());
    }

    @AfterAll
    static void stopHub() throws Exception {
        for (As2Partner partner : new As2Partner[] {stranger, receiver}) {
            if (partner != null) {
                partner.close();
            }
        }
        broker.close();
        client.close();
        hub.stop();
    }

    @Test
    void signedEncryptedAndCompressedDeclarationsAreAdmittedWithASignedMdn() throws Exception {
        List<String> declarations = new ArrayList<>();
        for (AS2MessageStructure structure : List.of(AS2MessageStructure.SIGNED, AS2MessageStructure.SIGNED_ENCRYPTED,
                AS2MessageStructure.SIGNED_COMPRESSED)) {
            String number = nextNumber();
            String path = structure.isEncrypted() ? "/as2/encrypted" : "/as2";
            Exchange sent = broker.send(hub.as2Port, hubAs2Id, path, structure, hubCertificate, broker.key, signedDeclaration(number));
            As2Receipt mdn = As2Receipt.of(sent.getMessage().getBody());
            assertThat(mdn).as(structure + " got an MDN").isNotNull();
            assertThat(mdn.signedBy(hubCertificate)).as(structure + " MDN signed by the hub").isTrue();
            assertThat(mdn.disposition()).as(structure.name()).isEqualTo("processed");
            declarations.add(number);
        }
        for (String number : declarations) {
            JsonNode tradeCase = awaitCase(number);
            assertThat(tradeCase.get("channel").asText()).isEqualTo("AS2");
            assertThat(tradeCase.get("submitter").asText()).isEqualTo(client.party(BROKER).partyId());
        }
    }

    @Test
    void aMessageAskingForAnAsynchronousMdnGetsItSignedAtItsReceiptUrl() throws Exception {
        int mdnPort = TestHub.freePort();
        broker.receiveMdns(mdnPort, "/mdn");
        String number = nextNumber();
        broker.send(hub.as2Port, hubAs2Id, "/as2", AS2MessageStructure.SIGNED, hubCertificate, broker.key,
                signedDeclaration(number), "http://127.0.0.1:" + mdnPort + "/mdn");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (broker.mdns.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(broker.mdns).as("an asynchronous MDN arrived").hasSize(1);
        As2Receipt mdn = As2Receipt.of(broker.mdns.get(0));
        assertThat(mdn.signedBy(hubCertificate)).isTrue();
        assertThat(mdn.disposition()).isEqualTo("processed");
        assertThat(awaitCase(number).get("channel").asText()).isEqualTo("AS2");
    }

    @Test
    void aWrongSignatureOrAnUnknownSenderGetsAnErrorMdnAndIsStoredRefused() throws Exception {
        KeyMaterial ca = KeyMaterial.fromPkcs12(dataDir.resolve("pki").resolve("ca.p12"), "changeit".toCharArray());
        KeyMaterial impostor = new DemoCertificateAuthority(ca).issue("CN=" + BROKER_AS2, KeyType.RSA_2048, Duration.ofDays(1));
        Exchange forged = broker.send(hub.as2Port, hubAs2Id, "/as2", AS2MessageStructure.SIGNED, hubCertificate, impostor,
                signedDeclaration(nextNumber()));
        As2Receipt refused = As2Receipt.of(forged.getMessage().getBody());
        assertThat(refused.signedBy(hubCertificate)).isTrue();
        assertThat(refused.disposition()).isEqualTo("processed/error: authentication-failed");
        assertRefusedWith(refused, "T321");

        // kept open until the end: stopping any camel-as2 component closes every AS2 listener in the JVM
        stranger = new As2Partner("NOBODY-KNOWN", impostor);
        Exchange unknown = stranger.send(hub.as2Port, hubAs2Id, "/as2", AS2MessageStructure.SIGNED, hubCertificate, impostor,
                signedDeclaration(nextNumber()));
        As2Receipt answer = As2Receipt.of(unknown.getMessage().getBody());
        assertThat(answer.disposition()).isEqualTo("processed/error: authentication-failed");
        assertRefusedWith(answer, "T320");
    }

    @Test
    void aResentMessageIdIsAnsweredButNotProcessedTwice() throws Exception {
        String number = nextNumber();
        Exchange first = broker.send(hub.as2Port, hubAs2Id, "/as2", AS2MessageStructure.SIGNED, hubCertificate, broker.key,
                signedDeclaration(number));
        assertThat(As2Receipt.of(first.getMessage().getBody()).disposition()).isEqualTo("processed");
        // the broker's AS2 system sends exactly the same request again, as one that missed the MDN would
        ClassicHttpRequest request = (ClassicHttpRequest) first.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class)
                .getRequest();
        HttpResponse<String> again = resend(request);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("processed/warning: duplicate-document");
        JsonNode tradeCase = awaitCase(number);
        long declarationsStored = 0;
        for (JsonNode message : tradeCase.get("messages")) {
            if ("IN".equals(message.get("direction").asText()) && "NX5105".equals(message.path("messageType").asText())) {
                declarationsStored++;
            }
        }
        assertThat(declarationsStored).isEqualTo(1);
    }

    @Test
    void repliesReachTheBrokersAs2ServerOnceItIsBack() throws Exception {
        // a broker of its own, whose agreement has a reply URL: only its replies wait for AS2 delivery
        client.delegateSampleImporters(RECEIVER);
        receiver = As2Partner.issuedBy(dataDir, "RECEIVER-K73");
        receiver.agreeFor(client, RECEIVER, "http://127.0.0.1:" + receiverAs2Port + "/receive");
        // until its AS2 server starts, whatever answers on its port hangs up at once: a party that is down
        BrokenServer down = new BrokenServer(receiverAs2Port);
        String number = nextNumber();
        Exchange sent = receiver.send(hub.as2Port, hubAs2Id, "/as2", AS2MessageStructure.SIGNED_COMPRESSED, hubCertificate,
                receiver.key, HubClient.sign(client.party(RECEIVER), declaration(number)));
        assertThat(As2Receipt.of(sent.getMessage().getBody()).disposition()).isEqualTo("processed");
        // its AS2 server is down: the NX5106 is ready (it is in the pull mailbox too) and cannot be delivered
        String caseId = awaitCase(number).get("caseId").asText();
        awaitMailbox(RECEIVER, caseId, "NX5106");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (down.attempts.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(down.attempts.get()).as("the hub tried to deliver while the party was down").isGreaterThanOrEqualTo(2);
        down.close();
        receiver.listen(receiverAs2Port, "/receive", hubCertificate);
        while (receiver.received.stream().noneMatch(body -> body.contains(number) && body.contains("NX5106"))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(receiver.received).as("the NX5106 reached the broker's AS2 server")
                .anyMatch(body -> body.contains("NX5106") && body.contains(number));
        assertThat(receiver.received.stream().filter(body -> body.contains("NX5106") && body.contains(number)).count())
                .as("delivered once").isEqualTo(1);
    }

    /** A port where connections are taken and closed at once, counting the attempts. */
    private static final class BrokenServer implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        private final java.net.ServerSocket socket;

        BrokenServer(int port) throws java.io.IOException {
            socket = new java.net.ServerSocket(port);
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (java.net.Socket connection = socket.accept()) {
                        attempts.incrementAndGet();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            }, "broken-as2-party");
            accepting.setDaemon(true);
            accepting.start();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    private static void assertRefusedWith(As2Receipt mdn, String code) throws Exception {
        Matcher hubId = Pattern.compile("hub message ([0-9a-f-]{36})").matcher(mdnText(mdn));
        assertThat(hubId.find()).as("the MDN names the stored message: " + mdnText(mdn)).isTrue();
        JsonNode record = client.get("/api/v1/messages/" + hubId.group(1));
        assertThat(record.get("status").asText()).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).isEqualTo(code);
        assertThat(record.get("channel").asText()).isEqualTo("AS2");
    }

    private static String mdnText(As2Receipt mdn) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        (mdn.signature() != null ? mdn.signature() : mdn.notification()).writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static HttpResponse<String> resend(ClassicHttpRequest request) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        request.getEntity().writeTo(body);
        HttpRequest.Builder again = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.as2Port + request.getRequestUri()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        for (Header header : request.getHeaders()) {
            String name = header.getName();
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Connection")
                    && !name.equalsIgnoreCase("Expect") && !name.equalsIgnoreCase("Date")) {
                again.header(name, header.getValue());
            }
        }
        return HttpClient.newHttpClient().send(again.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitCase(String number) throws Exception {
        String path = "/api/v1/declarations/" + number.replace(" ", "%20");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            HubClient.Answer answer = client.call("GET", path, TestParties.OPERATOR, null);
            if (answer.status() == 200) {
                return answer.json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No case for " + number + " within " + WAIT);
    }

    private static void awaitMailbox(String alias, String caseId, String type) throws Exception {
        String mailbox = "/api/v1/parties/" + client.party(alias).partyId() + "/messages";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode pending : client.getAs(alias, mailbox, 200)) {
                if (type.equals(pending.get("messageType").asText()) && caseId.equals(pending.path("caseId").asText())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + type + " for case " + caseId + " within " + WAIT);
    }

    private static byte[] signedDeclaration(String number) throws Exception {
        return HubClient.sign(client.party(BROKER), declaration(number));
    }

    private static byte[] declaration(String number) throws Exception {
        String xml = Files.readString(DECLARATION);
        Matcher m = DECLARATION_ID.matcher(xml);
        assertThat(m.find()).isTrue();
        return (xml.substring(0, m.start(2)) + number + xml.substring(m.end(2))).getBytes(StandardCharsets.UTF_8);
    }

    private static synchronized String nextNumber() {
        return "AA  14K73" + String.format("%05d", 70_000 + serial++);
    }
}
