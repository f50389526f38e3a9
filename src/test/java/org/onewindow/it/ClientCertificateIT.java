package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.api.HttpsListener;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;
import org.onewindow.trust.XmlSigner;

/**
 * The API over HTTPS as the README tells an operator to switch it on ({@code onewindow.https.port}): the server key
 * made by the local CA, client certificates asked for. A registered client certificate alone authenticates its
 * party — no token — and reaches only that party's data; an unregistered one, or none, gets 401 unless a token is
 * presented.
 */
class ClientCertificateIT {
    private static final char[] PASSWORD = KeyMaterial.DEMO_PASSWORD.toCharArray();
    private static final String IMPORTER = "12345675";

    @TempDir
    static Path dataDir;
    private static TestHub hub;
    private static DemoCertificateAuthority ca;
    private static String baseUrl;

    @BeforeAll
    static void startHubWithHttps() throws Exception {
        Properties https = new Properties();
        https.setProperty("onewindow.https.port", "0");
        hub = new TestHub(dataDir, https).start();
        ca = new DemoCertificateAuthority(KeyMaterial.fromPkcs12(dataDir.resolve("pki/ca.p12"), PASSWORD));
        baseUrl = "https://127.0.0.1:" + hub.bean("httpsListener", HttpsListener.class).port();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @Test
    void aRegisteredClientCertificateAloneAuthenticatesItsParty() throws Exception {
        HttpClient importer = client(KeyMaterial.fromPkcs12(dataDir.resolve("demo/" + IMPORTER + ".p12"), PASSWORD));

        assertThat(get(importer, "/api/v1/parties/" + IMPORTER + "/messages").statusCode()).isEqualTo(200);
        HttpResponse<String> others = get(importer, "/api/v1/parties/24536806/messages");
        assertThat(others.statusCode()).as("another party's mailbox").isEqualTo(404);
        assertThat(get(importer, "/api/v1/admin/parties").statusCode()).as("the admin API").isEqualTo(403);

        byte[] declaration = Files.readAllBytes(Path.of("samples/NX5105/valid/food-liquor.xml"));
        byte[] signed = new XmlSigner(KeyMaterial.fromPkcs12(dataDir.resolve("demo/" + IMPORTER + ".p12"), PASSWORD))
                .signedBytes(SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(declaration)));
        HttpResponse<String> posted = importer.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/messages"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(signed)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        assertThat(posted.body()).contains("\"sender\":\"" + IMPORTER + "\"");
    }

    @Test
    void anUnregisteredCertificateOrNoneIsNotEnough() throws Exception {
        HttpClient stranger = client(ca.issue("CN=Stranger", KeyType.EC_P256, Duration.ofDays(1)));
        HttpResponse<String> unknown = get(stranger, "/api/v1/parties/" + IMPORTER + "/messages");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).doesNotContain("Exception");

        HttpClient anonymous = client(null);
        assertThat(get(anonymous, "/api/v1/parties/" + IMPORTER + "/messages").statusCode()).isEqualTo(401);
        // the token still works over TLS when no certificate is presented
        String token = Files.readString(dataDir.resolve("demo/" + IMPORTER + ".token")).strip();
        HttpResponse<String> withToken = anonymous.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/parties/" + IMPORTER + "/messages"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    /** An HTTPS client that trusts the local CA and presents {@code key}'s certificate (none when null). */
    private static HttpClient client(KeyMaterial key) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        if (key != null) {
            own.setKeyEntry("client", key.privateKey(), PASSWORD, key.chain().toArray(new java.security.cert.Certificate[0]));
        }
        keys.init(own, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
