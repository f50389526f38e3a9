package org.onewindow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.party.Certificates;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;
import org.onewindow.trust.XmlSigner;

/**
 * The parties a test plays, with real credentials: the demo parties the hub bootstrapped (their keys and API
 * tokens under {@code <data-dir>/demo/}), and brokers a test registers under an alias of its own (so each test
 * has its own mailbox) through the real admin API — an 8-digit id, box K73, a key issued by the hub's local CA,
 * the certificate registered, an API token issued, and long-term delegations from the sample importers.
 */
final class TestParties {
    static final String OPERATOR = "operator";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A party's id, API token and signing key. */
    record Credentials(String partyId, String token, XmlSigner signer) {
    }

    private final TestHub hub;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Credentials> byAlias = new ConcurrentHashMap<>();

    TestParties(TestHub hub) {
        this.hub = hub;
    }

    /** A demo party by its id, or a test broker by its alias (registered on first use). */
    Credentials get(String aliasOrId) {
        return byAlias.computeIfAbsent(aliasOrId, alias -> Files.exists(demoFile(alias, ".token")) ? demo(alias) : registerBroker(alias));
    }

    String operatorToken() {
        return get(OPERATOR).token();
    }

    private Credentials demo(String partyId) {
        try {
            String token = Files.readString(demoFile(partyId, ".token")).strip();
            Path key = demoFile(partyId, ".p12");
            XmlSigner signer = Files.exists(key) ? new XmlSigner(KeyMaterial.fromPkcs12(key, "changeit".toCharArray())) : null;
            return new Credentials(partyId, token, signer);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the demo credentials of " + partyId, e);
        }
    }

    private Credentials registerBroker(String alias) {
        String partyId = alias.matches("\\d{8}") ? alias
                : String.format("%08d", Math.floorMod(alias.hashCode(), 90_000_000) + 10_000_000);
        try {
            call("POST", "/api/v1/admin/parties", operatorToken(), "application/json", JSON.writeValueAsString(Map.of(
                    "partyId", partyId, "kind", "BROKER", "name", "Test broker " + alias, "boxId", "K73",
                    "email", alias.toLowerCase() + "@brokers.example")), 201);
            KeyMaterial ca = KeyMaterial.fromPkcs12(hub.dataDir.resolve("pki").resolve("ca.p12"), "changeit".toCharArray());
            KeyMaterial key = new DemoCertificateAuthority(ca).issue("CN=" + partyId, KeyType.EC_P256, Duration.ofDays(30));
            call("POST", "/api/v1/admin/parties/" + partyId + "/certificates", operatorToken(), "application/x-pem-file",
                    Certificates.toPem(key.certificate()), 201);
            String token = call("POST", "/api/v1/admin/parties/" + partyId + "/token", operatorToken(), "application/json", "", 201)
                    .get("token").asText();
            return new Credentials(partyId, token, new XmlSigner(key));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register test broker " + alias, e);
        }
    }

    JsonNode call(String method, String path, String token, String contentType, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private Path demoFile(String partyId, String suffix) {
        return hub.dataDir.resolve("demo").resolve(partyId + suffix);
    }
}
