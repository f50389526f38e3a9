package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.as2.As2Receipt;
import org.onewindow.party.Certificates;

/**
 * The disk under the hub's data directory fills up (a ballast file takes the room, on the real file system): the
 * hub stops taking new messages and says so, loses none of those it was given, and catches up once space is freed.
 * HTTP, SOAP and AS2 senders are refused with S902 and nothing is stored; an SFTP upload fails at open and leaves
 * nothing in the inbox; JMS messages wait on the intake queue; readiness and the metrics show it. After the ballast
 * goes, the waiting messages and the ones sent again each get their one NX5106.
 */
class DiskFullIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The ballast; the limit is set half of it below the free space at the start, so the hub's own writes stay under it. */
    private static final long BALLAST_BYTES = 768L << 20;
    private static final String IMPORTER = "24536806";
    private static final SampleDeclaration SAMPLES = new SampleDeclaration(80010);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<As2Partner> partners = new ArrayList<>();

    @Test
    void aFullDiskStopsIntakeWithoutLosingAMessageAndIntakeResumesOnceSpaceIsFreed(@TempDir Path dataDir, @TempDir Path work)
            throws Exception {
        long freeAtStart = Files.getFileStore(dataDir).getUsableSpace();
        assumeTrue(freeAtStart > 4 * BALLAST_BYTES, "the test needs room for its " + (BALLAST_BYTES >> 20)
                + " MB ballast and the hub; the disk has " + (freeAtStart >> 20) + " MB free");
        Properties settings = new Properties();
        settings.setProperty("onewindow.disk.min-free", String.valueOf(freeAtStart - BALLAST_BYTES / 2));
        settings.setProperty("onewindow.disk.check-ms", "100");
        try (TestHub hub = new TestHub(dataDir, settings).start(); HubClient client = new HubClient(hub)) {
            assertThat(disk(hub)).isEqualTo("UP");
            Path ballast = dataDir.resolve("ballast");
            fill(ballast, BALLAST_BYTES);
            Poll.until("readiness to report the disk DOWN", WAIT, () -> "DOWN".equals(disk(hub)) ? true : null);
            assertThat(get(hub, "/observe/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(hub, "/observe/metrics").body()).contains("onewindow_intake_paused 1.0")
                    .containsPattern("onewindow_disk_free_bytes [0-9.E]+");

            String refusedNumber = SAMPLES.nextNumber();
            byte[] refusedDeclaration = SampleDeclaration.withNumber(refusedNumber);
            HubClient.Answer refused = client.post(refusedDeclaration, "application/xml", IMPORTER);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("S902");
            assertThat(refused.json().has("hubId")).as("nothing was stored").isFalse();
            HttpResponse<String> soapFault = soapSubmit(hub, client.party(IMPORTER).token(),
                    HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(SAMPLES.nextNumber())));
            assertThat(soapFault.statusCode()).isEqualTo(500);
            assertThat(soapFault.body()).contains("faultcode>soap:Server<").contains("S902");

            assertAs2RefusedWithS902(hub, client, dataDir);

            Path key = OpenSsh.keygen(work, "importer");
            new TestParties(hub).call("POST", "/api/v1/admin/parties/" + IMPORTER + "/ssh-keys",
                    client.party(TestParties.OPERATOR).token(), "text/plain", OpenSsh.publicKey(key), 201);
            String uploadedNumber = SAMPLES.nextNumber();
            Files.write(work.resolve("declaration.xml"), HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(uploadedNumber)));
            OpenSsh.Run refusedUpload = OpenSsh.sftp(work, key, hub.sftpPort, IMPORTER, "put declaration.xml inbox/d.xml");
            assertThat(refusedUpload.exitCode()).as(refusedUpload.output()).isNotZero();
            assertThat(OpenSsh.sftp(work, key, hub.sftpPort, IMPORTER, "ls -1 inbox").output())
                    .as("nothing was left in the inbox").doesNotContain("d.xml");

            List<String> queuedNumbers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queuedNumbers.add(SAMPLES.nextNumber());
                client.sendToInbound(SampleDeclaration.withNumber(queuedNumbers.get(i)), IMPORTER);
            }
            assertThat(metric(hub, "onewindow_queue_depth{queue=\"onewindow.inbound\"}")).as("JMS messages wait on the queue")
                    .isEqualTo(3.0);

            Files.delete(ballast);
            Poll.until("readiness to report the disk UP again", WAIT, () -> "UP".equals(disk(hub)) ? true : null);
            assertThat(client.post(refusedDeclaration, "application/xml", IMPORTER).status()).as("the re-send").isEqualTo(202);
            OpenSsh.Run upload = OpenSsh.sftp(work, key, hub.sftpPort, IMPORTER, "put declaration.xml inbox/d.xml");
            assertThat(upload.exitCode()).as("the upload again: " + upload.output()).isZero();

            List<String> expected = new ArrayList<>(queuedNumbers);
            expected.add(refusedNumber);
            expected.add(uploadedNumber);
            String mailbox = "/api/v1/parties/" + IMPORTER + "/messages";
            List<String> acknowledged = Poll.until("an NX5106 for each of the five declarations", WAIT, () -> {
                List<String> numbers = new ArrayList<>();
                for (JsonNode reply : client.getAs(IMPORTER, mailbox, 200)) {
                    if ("NX5106".equals(reply.get("messageType").asText())) {
                        numbers.add(declarationNumber(reply.get("body").asText()));
                    }
                }
                return numbers.size() >= expected.size() ? numbers : null;
            });
            assertThat(acknowledged).as("exactly one each").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(metric(hub, "onewindow_queue_depth{queue=\"onewindow.inbound\"}")).isZero();
            assertThat(get(hub, "/observe/metrics").body()).contains("onewindow_intake_paused 0.0");
        }
    }

    /**
     * An AS2 message gets an MDN saying unexpected-processing-error with S902, and no hub message. The partner stays
     * open until the hub stops: closing a camel-as2 context closes every AS2 listener in the JVM, the hub's too.
     */
    private void assertAs2RefusedWithS902(TestHub hub, HubClient client, Path dataDir) throws Exception {
        As2Partner as2 = As2Partner.issuedBy(dataDir, "IMPORTER-AS2");
        partners.add(as2);
        as2.agreeFor(client, IMPORTER, null);
        JsonNode profile = client.getAs(IMPORTER, "/api/v1/as2/hub", 200);
        X509Certificate hubCertificate = Certificates.fromPem(profile.get("certificatePem").asText());
        Exchange sent = as2.send(hub.as2Port, profile.get("as2Id").asText(), "/as2", AS2MessageStructure.SIGNED, hubCertificate,
                as2.key, HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(SAMPLES.nextNumber())));
        As2Receipt mdn = As2Receipt.of(sent.getMessage().getBody());
        assertThat(mdn.signedBy(hubCertificate)).isTrue();
        assertThat(mdn.disposition()).isEqualTo("processed/error: unexpected-processing-error");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        mdn.signature().writeTo(text);
        assertThat(text.toString(StandardCharsets.US_ASCII)).contains("S902").doesNotContain("hub message");
    }

    @AfterEach
    void closePartners() {
        partners.forEach(As2Partner::close);
    }

    /** Writes real blocks (a sparse file would take no room) and forces them to disk, so the file system counts them. */
    private static void fill(Path file, long bytes) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; written += block.capacity()) {
                block.clear();
                channel.write(block);
            }
            channel.force(true);
        }
    }

    private static String declarationNumber(String nx5106) {
        int start = nx5106.indexOf("<ID>") + "<ID>".length();
        return nx5106.substring(start, start + 14);
    }

    /** The value of one sample of the hub's Prometheus metrics. */
    private double metric(TestHub hub, String sample) throws Exception {
        for (String line : get(hub, "/observe/metrics").body().split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).strip());
            }
        }
        throw new AssertionError("No metric " + sample);
    }

    private String disk(TestHub hub) throws Exception {
        JsonNode ready = JSON.readTree(get(hub, "/observe/health/ready").body());
        return ready.get("components").get("disk").asText();
    }

    private HttpResponse<String> get(TestHub hub, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> soapSubmit(TestHub hub, String token, byte[] message) throws Exception {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ow:submit xmlns:ow=\"urn:onewindow:soap:v1\"><ow:message>" + Base64.getEncoder().encodeToString(message)
                + "</ow:message></ow:submit></soap:Body></soap:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.soapPort + "/soap/onewindow"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"urn:onewindow:soap:v1:submit\"")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
