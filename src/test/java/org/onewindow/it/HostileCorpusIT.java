package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code samples/hostile/}) through the real HTTP intake of a whole hub, with the
 * default size limit: every entry of {@code expected.csv} gets its HTTP status and error code — an NX903
 * in the sender's mailbox after a 202, or a problem answer at the door — and is stored as REJECTED with
 * that code. A 200 MB body (over HTTP, JMS, SOAP and AS2) is answered W005 while the heap stays bounded; a
 * sender that stalls mid-body (over HTTP and AS2) has its connection closed; and afterwards a valid declaration still goes
 * through to its NX5106 Y.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCorpusIT {
    private static final Path CORPUS = Path.of("samples/hostile");
    private static final Path MANIFEST = CORPUS.resolve("expected.csv");
    private static final Set<String> NOT_MESSAGES = Set.of("expected.csv", "README.md");
    private static final String GENERATED = ".generated";
    private static final long HUGE = 200L * 1024 * 1024;
    /** The issue's bound: a huge body may not leave the heap more than this above where it was. */
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final Pattern AS2_STORED_AS = Pattern.compile("hub message ([0-9a-f-]{36})");
    private static final Pattern SOAP_STORED_AS = Pattern.compile("stored as hub message ([0-9a-f-]{36})");
    private static final Pattern REJECTED_HUB_ID = Pattern.compile("<tw_UniversallyUniqueID>([^<]+)</tw_UniversallyUniqueID>");

    static TestHub hub;
    static HubClient client;

    @BeforeAll
    static void startHub(@TempDir Path dataDir) throws Exception {
        hub = new TestHub(dataDir, shortReadTimeout()).start();
        client = new HubClient(hub);
    }

    /**
     * The default size limit, and a short read timeout so the stalled upload is cut off soon. The timeout bounds the
     * whole read of a body (up to the limit), so it also has to cover the 200 MB body's first 10 MB on a loaded machine.
     */
    private static Properties shortReadTimeout() {
        Properties settings = new Properties();
        settings.setProperty("onewindow.intake.read-timeout", "PT5S");
        return settings;
    }

    @AfterAll
    static void stopHub() throws Exception {
        client.close();
        hub.stop();
    }

    /** One line of the manifest: what is sent, and the answer it must get. */
    record Entry(String file, int status, String code, String what) {
        @Override
        public String toString() {
            return file + " → " + status + " " + code + " (" + what + ")";
        }
    }

    static List<Entry> corpus() throws IOException {
        return Files.readAllLines(MANIFEST, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file,"))
                .map(line -> line.split(",", 4))
                .map(c -> new Entry(c[0].strip(), Integer.parseInt(c[1].strip()), c[2].strip(), c[3].strip()))
                .toList();
    }

    @Test
    @Order(1)
    void everyFileOfTheCorpusHasItsExpectedAnswer() throws IOException {
        Set<String> files;
        try (Stream<Path> listed = Files.list(CORPUS)) {
            files = listed.map(p -> p.getFileName().toString()).filter(name -> !NOT_MESSAGES.contains(name))
                    .collect(Collectors.toSet());
        }
        Set<String> described = corpus().stream().map(Entry::file).filter(f -> !f.endsWith(GENERATED)).collect(Collectors.toSet());
        assertThat(described).as("files named in " + MANIFEST).isEqualTo(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(2)
    void eachHostileInputIsAnsweredWithItsCodeAndStored(Entry entry) throws Exception {
        String sender = "HOSTILE";
        HubClient.Answer answer;
        if (entry.file().endsWith(GENERATED)) {
            assertThat(entry.file()).as("the one generated entry this test knows").isEqualTo("200mb-body" + GENERATED);
            long before = heapUsedAfterGc();
            answer = client.postStream(() -> new GeneratedBody(HUGE), "application/xml", sender);
            assertHeapGrewAtMostTheBound(before);
        } else {
            byte[] body = Files.readAllBytes(CORPUS.resolve(entry.file()));
            // signature attacks go as they are; the rest is signed like any message, so each meets its own check
            answer = entry.code().startsWith("T")
                    ? client.postAs(client.party(sender).token(), body, "application/xml")
                    : client.post(body, "application/xml", sender);
        }
        assertThat(answer.status()).as(entry.toString()).isEqualTo(entry.status());
        String hubId = answer.json().get("hubId").asText();
        if (entry.status() == 202) {
            HubClient.Received reply = client.receive(sender, REPLY_WAIT);
            assertThat(reply).as("reply to " + entry).isNotNull();
            assertThat(reply.messageType()).as(entry.toString()).isEqualTo("NX903");
            assertThat(reply.body()).as(entry.toString()).contains(entry.code()).contains(hubId).doesNotContain("root:x:0:0");
        } else {
            assertThat(answer.json().get("code").asText()).as(entry.toString()).isEqualTo(entry.code());
        }
        assertStoredAsRejected(hubId, entry.code());
    }

    @Test
    @Order(3)
    void aHugeQueuedMessageIsAnsweredWithW005AndStoredTruncated() throws Exception {
        long before = heapUsedAfterGc();
        try (InputStream body = new GeneratedBody(HUGE)) {
            client.sendStreamToInbound(body, "HOSTILEJMS");
        }
        HubClient.Received reply = client.receive("HOSTILEJMS", Duration.ofMinutes(2));
        assertHeapGrewAtMostTheBound(before);
        assertThat(reply).as("reply to a 200 MB queued message").isNotNull();
        assertThat(reply.messageType()).isEqualTo("NX903");
        assertThat(reply.body()).contains("W005");
        Matcher rejected = REJECTED_HUB_ID.matcher(reply.body());
        assertThat(rejected.find()).as("the NX903 names the rejected message").isTrue();
        JsonNode record = assertStoredAsRejected(rejected.group(1), "W005");
        assertThat(record.get("sizeBytes").asLong()).as("stored truncated to max-bytes").isEqualTo(10_485_760L);
    }

    @Test
    @Order(4)
    void aHugeSoapRequestIsAnsweredWithAW005FaultAndStoredTruncated() throws Exception {
        long before = heapUsedAfterGc();
        HttpRequest submit = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.soapPort + "/soap/onewindow"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"submit\"")
                .header("Authorization", "Bearer " + client.party("HOSTILESOAP").token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(HostileCorpusIT::hugeSoapSubmit))
                .build();
        HttpResponse<String> fault = HttpClient.newHttpClient().send(submit, HttpResponse.BodyHandlers.ofString());
        assertHeapGrewAtMostTheBound(before);
        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(fault.body()).contains("soap:Client").contains("<ow:code>W005</ow:code>").doesNotContain("Exception");
        Matcher stored = SOAP_STORED_AS.matcher(fault.body());
        assertThat(stored.find()).as("the fault names the stored message: " + fault.body()).isTrue();
        JsonNode record = assertStoredAsRejected(stored.group(1), "W005");
        assertThat(record.get("sizeBytes").asLong()).as("stored truncated to max-bytes").isEqualTo(10_485_760L);
        assertThat(record.get("sender").asText()).isEqualTo(client.party("HOSTILESOAP").partyId());
    }

    @Test
    @Order(5)
    void aHugeAs2RequestIsRefusedWith413BeforeItIsParsedAndStoredTruncated() throws Exception {
        long before = heapUsedAfterGc();
        String answer;
        try (Socket socket = new Socket("127.0.0.1", hub.as2Port)) {
            socket.setSoTimeout((int) REPLY_WAIT.toMillis());
            Thread sender = new Thread(() -> sendHugeAs2Message(socket), "huge-as2-sender");
            sender.start();
            // the hub answers once it has read its limit, and closes the connection
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sender.join(REPLY_WAIT.toMillis());
        }
        assertHeapGrewAtMostTheBound(before);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("W005").doesNotContain("Exception");
        Matcher stored = AS2_STORED_AS.matcher(answer);
        assertThat(stored.find()).as("the answer names the stored message: " + answer).isTrue();
        JsonNode record = assertStoredAsRejected(stored.group(1), "W005");
        assertThat(record.get("sizeBytes").asLong()).as("stored truncated to max-bytes").isEqualTo(10_485_760L);
        assertThat(record.get("channel").asText()).isEqualTo("AS2");
    }

    /** An AS2 POST with a 200 MB body made up while it is sent; stops quietly when the hub closes the connection. */
    private static void sendHugeAs2Message(Socket socket) {
        try (InputStream body = new GeneratedBody(HUGE)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\nAS2-Version: 1.1\r\nAS2-From: HOSTILEAS2\r\n"
                    + "AS2-To: ONEWINDOW\r\nMessage-Id: <huge-1@hostile.example>\r\n"
                    + "Disposition-Notification-To: hostile@example.com\r\n"
                    + "Content-Type: application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z\r\n"
                    + "Content-Length: " + HUGE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.transferTo(out);
        } catch (IOException closedByTheHub) {
            // expected: the hub stops reading at its limit
        }
    }

    /** A SOAP submit whose message is 200 MB long, made up while it is sent. */
    private static InputStream hugeSoapSubmit() {
        String start = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ow:submit xmlns:ow=\"urn:onewindow:soap:v1\"><message>";
        String end = "</message></ow:submit></soap:Body></soap:Envelope>";
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)), new GeneratedBody(HUGE),
                new ByteArrayInputStream(end.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    @Order(6)
    void aSenderThatStallsMidBodyHasItsConnectionClosed() throws Exception {
        assertDroppedAfterStalling(hub.httpPort, "POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/xml\r\nAuthorization: Bearer " + client.party("STALLED").token() + "\r\n"
                + "Content-Length: 100000\r\n\r\n<Declaration");
    }

    @Test
    @Order(7)
    void anAs2SenderThatStallsMidBodyHasItsConnectionClosed() throws Exception {
        assertDroppedAfterStalling(hub.as2Port, "POST /as2 HTTP/1.1\r\nHost: 127.0.0.1\r\nAS2-Version: 1.1\r\n"
                + "AS2-From: STALLED\r\nAS2-To: ONEWINDOW\r\nContent-Type: application/pkcs7-mime; smime-type=compressed-data\r\n"
                + "Content-Length: 100000\r\n\r\nMIAG");
    }

    /**
     * Sends the start of a request and then nothing: the hub gives up after its read timeout and closes the connection,
     * or resets it (the AS2 listener, with the request's unread rest still in its receive buffer).
     */
    private static void assertDroppedAfterStalling(int port, String requestStart) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) REPLY_WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(requestStart.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int next;
            try {
                next = socket.getInputStream().read();
            } catch (SocketException reset) {
                next = -1;
            }
            assertThat(next).as("end of stream from the hub").isEqualTo(-1);
        }
    }

    @Test
    @Order(8)
    void afterTheWholeCorpusAValidDeclarationIsStillAccepted() throws Exception {
        client.delegateSampleImporters("AFTERHOSTILE");
        HubClient.Answer answer = client.post(Files.readAllBytes(Path.of("samples/NX5105/valid/customs-only.xml")),
                "application/xml", "AFTERHOSTILE");
        assertThat(answer.status()).isEqualTo(202);
        HubClient.Received reply;
        do {
            reply = client.receive("AFTERHOSTILE", REPLY_WAIT);
            assertThat(reply).as("the merged acknowledgement of a valid declaration").isNotNull();
        } while (!reply.messageType().equals("NX5106"));
        assertThat(reply.body()).contains(">Y<");
        assertThat(client.get("/api/v1/messages/" + answer.json().get("hubId").asText()).get("status").asText()).isEqualTo("ADMITTED");
    }

    private static JsonNode assertStoredAsRejected(String hubId, String code) throws Exception {
        JsonNode record = client.get("/api/v1/messages/" + hubId);
        assertThat(record.get("status").asText()).as(hubId).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).as(hubId).isEqualTo(code);
        return record;
    }

    /** Heap in use after a full collection; also starts a new peak measurement of the old generation. */
    private static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        oldGeneration().forEach(MemoryPoolMXBean::resetPeakUsage);
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static List<MemoryPoolMXBean> oldGeneration() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old Gen")).toList();
    }

    /**
     * The heap after a full collection is back within the bound of where it was; polled for a while, as
     * the broker may still be letting go of a large message it just finished with.
     */
    private static void assertHeapGrewAtMostTheBound(long before) throws InterruptedException {
        long peak = oldGeneration().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long after = heapUsedAfterGc();
        while (after - before >= HEAP_GROWTH_BOUND && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = heapUsedAfterGc();
        }
        System.out.printf("heap after GC: before %d MB, after %d MB; old generation peak meanwhile %d MB%n",
                before >> 20, after >> 20, peak >> 20);
        assertThat(after - before).as("heap growth in bytes").isLessThan(HEAP_GROWTH_BOUND);
    }
}
