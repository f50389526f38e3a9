package org.onewindow.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.XmlSigner;

/**
 * The demo parties a process-level test plays, with the keys and API tokens the bootstrapping hub wrote under
 * {@code <data-dir>/demo/}: the importers sign their own declarations, and delegate (WJA02, accepted by WJA03) to
 * the demo broker so it may sign theirs. Talks to a hub over its real REST API.
 */
final class DemoTraders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path demoDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, XmlSigner> signers = new ConcurrentHashMap<>();

    DemoTraders(Path demoDir) {
        this.demoDir = demoDir;
    }

    XmlSigner signer(String party) {
        return signers.computeIfAbsent(party, p -> {
            try {
                return new XmlSigner(KeyMaterial.fromPkcs12(demoDir.resolve(p + ".p12"), "changeit".toCharArray()));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read the demo key of " + p, e);
            }
        });
    }

    String token(String party) throws IOException {
        return Files.readString(demoDir.resolve(party + ".token")).strip();
    }

    /** The importer grants the broker a long-term delegation and the broker accepts it. */
    void delegate(String baseUrl, String importer, String broker) throws IOException, InterruptedException {
        JsonNode granted = call(baseUrl, "POST", "/api/v1/delegations", importer, "{\"broker\": \"" + broker
                + "\", \"scope\": \"LONG_TERM\", \"validUntil\": \"" + LocalDate.now().plusDays(30) + "\"}", 201);
        call(baseUrl, "POST", "/api/v1/delegations/" + granted.get("id").asText() + "/answer", broker, "{\"accept\": true}", 200);
    }

    /** GET as a party; the JSON answer, or null for 404. */
    JsonNode get(String baseUrl, String path, String party) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(party)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode call(String baseUrl, String method, String path, String party, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(party)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
