package org.onewindow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's HTTP API as the tester uses it: post a message, read a party's pull mailbox, acknowledge a
 * message in it. Every failure becomes a {@link Failure} whose message is one readable line.
 */
final class HubClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_ECHO = 200;

    /** The 202 answer to a post: the hub id given to the message, and the party the hub took as sender. */
    record Posted(String hubId, String sender) {
    }

    /** One unacknowledged message in a party's pull mailbox; {@code body} is the XML text. */
    record Outbound(String hubId, String messageType, String caseId, String causedBy, String createdAt, String body) {
    }

    /** A call that did not succeed; the message is one line for the user. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private final URI hub;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    private final CallerCredentials credentials = CallerCredentials.fromEnvironment();

    HubClient(URI hub) {
        this.hub = hub;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    Posted post(byte[] xml, String sender) throws Failure {
        HttpRequest.Builder request = request("/api/v1/messages")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(credentials.sign(xml)));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 202) {
            throw new Failure(problem(response));
        }
        JsonNode answer = parse(response);
        String hubId = answer.path("hubId").asText(null);
        if (hubId == null) {
            throw new Failure("the hub answered 202 without a hubId: " + echo(response.body()));
        }
        return new Posted(hubId, answer.path("sender").asText(sender));
    }

    /** The sender the hub has named for a message (after admission, when no header named it), or null. */
    String senderOf(String hubId) throws Failure {
        HttpResponse<String> response = send(request("/api/v1/messages/" + segment(hubId)).GET().build());
        if (response.statusCode() != 200) {
            throw new Failure(problem(response));
        }
        JsonNode record = parse(response);
        return record.path("sender").isTextual() ? record.path("sender").asText() : null;
    }

    List<Outbound> mailbox(String party) throws Failure {
        HttpResponse<String> response = send(request(partyPath(party)).GET().header("Accept", "application/json").build());
        if (response.statusCode() != 200) {
            throw new Failure(problem(response));
        }
        JsonNode array = parse(response);
        if (!array.isArray()) {
            throw new Failure("the mailbox of " + party + " is not a JSON array: " + echo(response.body()));
        }
        List<Outbound> messages = new ArrayList<>();
        for (JsonNode m : array) {
            messages.add(new Outbound(m.path("hubId").asText(null), m.path("messageType").asText(null),
                    m.path("caseId").asText(null), m.path("causedBy").asText(null),
                    m.path("createdAt").asText(null), m.path("body").asText("")));
        }
        return messages;
    }

    void ack(String party, String hubId) throws Failure {
        HttpResponse<String> response = send(request(partyPath(party) + "/" + segment(hubId) + "/ack")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() / 100 != 2) {
            throw new Failure(problem(response));
        }
    }

    private static String partyPath(String party) {
        return "/api/v1/parties/" + segment(party) + "/messages";
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub + path)).timeout(REQUEST_TIMEOUT);
        credentials.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws Failure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Failure("cannot reach the hub at " + hub + " (is it running?)");
        } catch (HttpTimeoutException e) {
            throw new Failure("the hub at " + hub + " did not answer in time");
        } catch (IOException e) {
            throw new Failure("talking to the hub at " + hub + " failed: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private JsonNode parse(HttpResponse<String> response) throws Failure {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new Failure("the hub answered " + response.statusCode() + " with something that is not JSON: " + echo(response.body()));
        }
    }

    /** {@code 400 W004 title: detail} from a problem JSON answer, else the status and the start of the body. */
    private String problem(HttpResponse<String> response) {
        String line = Integer.toString(response.statusCode());
        try {
            JsonNode p = json.readTree(response.body());
            if (p != null && p.isObject()) {
                StringBuilder text = new StringBuilder(line);
                for (String field : List.of("code", "title")) {
                    if (p.hasNonNull(field)) {
                        text.append(' ').append(p.get(field).asText());
                    }
                }
                if (p.hasNonNull("detail")) {
                    text.append(": ").append(p.get("detail").asText());
                }
                return oneLine(text.toString());
            }
        } catch (IOException notJson) {
            // fall through to the raw body
        }
        String body = echo(response.body());
        return body.isEmpty() ? line : line + " " + body;
    }

    private static String echo(String body) {
        String text = oneLine(body == null ? "" : body);
        return text.length() <= MAX_BODY_ECHO ? text : text.substring(0, MAX_BODY_ECHO) + "…";
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
