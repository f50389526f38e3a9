package org.onewindow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code parked list [QUEUE] | show QUEUE ID | replay QUEUE ID | discard QUEUE ID | actions}, each with
 * {@code [--hub URL] [--token TOKEN]}: the operator's view of a running hub's parked messages, through its admin API
 * ({@code /api/v1/admin/parked…}) with an admin token ({@code --token}, else {@code ONEWINDOW_TOKEN} as for every
 * command acting as a party). {@code list} without a queue prints each dead-letter queue and its count; with one,
 * its messages; {@code show} one message with its headers and body; {@code replay} and {@code discard} act on one
 * (audited under the token's party); {@code actions} the latest replays and discards. Exit code 0 when the hub did
 * it, 1 when it answered otherwise or could not be reached, 2 for a command line that cannot be run.
 */
public final class ParkedCommand {
    static final String USAGE = "usage: parked list [QUEUE] | show QUEUE ID | replay QUEUE ID | discard QUEUE ID | actions"
            + "  [--hub URL] [--token TOKEN]";
    private static final String PATH = "/api/v1/admin/parked";
    private static final int FAILURE_WIDTH = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI hub;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ParkedCommand(URI hub, String token, PrintStream out) {
        this.hub = hub;
        this.token = token;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandArguments command;
        try {
            command = CommandArguments.parse(args, 1, Set.of("--hub", "--token"));
        } catch (CliOptions.Invalid e) {
            err.println("onewindow: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<String> words = command.arguments();
        String token = command.option("--token", CallerCredentials.fromEnvironment().token().orElse(null));
        if (words.isEmpty() || !arity(words)) {
            err.println(USAGE);
            return 2;
        }
        if (token == null || token.isBlank()) {
            err.println("onewindow: give an admin API token with --token or ONEWINDOW_TOKEN");
            return 2;
        }
        ParkedCommand parked = new ParkedCommand(URI.create(command.option("--hub", CliOptions.DEFAULT_HUB)), token.strip(), out);
        try {
            return parked.run(words) ? 0 : 1;
        } catch (IOException e) {
            err.println("onewindow: cannot reach the hub at " + parked.hub + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Failed e) {
            err.println("onewindow: " + e.getMessage());
            return 1;
        }
    }

    private static boolean arity(List<String> words) {
        switch (words.get(0)) {
            case "list":
                return words.size() <= 2;
            case "show":
            case "replay":
            case "discard":
                return words.size() == 3;
            case "actions":
                return words.size() == 1;
            default:
                return false;
        }
    }

    private boolean run(List<String> words) throws IOException, InterruptedException, Failed {
        switch (words.get(0)) {
            case "list":
                return words.size() == 1 ? listQueues() : listMessages(words.get(1));
            case "show":
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                        call("GET", PATH + "/" + segment(words.get(1)) + "/" + segment(words.get(2)))));
                return true;
            case "replay":
                JsonNode replayed = call("POST", PATH + "/" + segment(words.get(1)) + "/" + segment(words.get(2)) + "/replay");
                out.println("replayed " + words.get(2) + " (hub id " + replayed.path("hubId").asText("-") + ") to "
                        + replayed.path("parkedFrom").asText());
                return true;
            case "discard":
                JsonNode discarded = call("DELETE", PATH + "/" + segment(words.get(1)) + "/" + segment(words.get(2)));
                out.println("discarded " + words.get(2) + " (hub id " + discarded.path("hubId").asText("-") + ") from " + words.get(1));
                return true;
            default:
                for (JsonNode a : call("GET", "/api/v1/admin/parked-actions")) {
                    out.println(a.path("at").asText() + "  " + a.path("actor").asText() + "  " + a.path("action").asText() + "  "
                            + a.path("queue").asText() + "  " + a.path("messageId").asText() + "  hub id " + a.path("hubId").asText("-"));
                }
                return true;
        }
    }

    private boolean listQueues() throws IOException, InterruptedException, Failed {
        for (JsonNode q : call("GET", PATH)) {
            out.printf("%-40s %6d%s%n", q.path("queue").asText(), q.path("count").asLong(),
                    q.path("parkedFrom").isTextual() ? "  parks for " + q.path("parkedFrom").asText() : "  (the broker's catch-all)");
        }
        return true;
    }

    private boolean listMessages(String queue) throws IOException, InterruptedException, Failed {
        for (JsonNode m : call("GET", PATH + "/" + segment(queue))) {
            String failure = m.path("failure").asText("");
            out.println(m.path("id").asText() + "  hub id " + m.path("hubId").asText("-") + "  parked " + m.path("parkedAt").asText()
                    + "  after " + m.path("deliveries").asInt() + " deliveries  "
                    + (failure.length() > FAILURE_WIDTH ? failure.substring(0, FAILURE_WIDTH) + "…" : failure).replaceAll("\\s+", " "));
        }
        return true;
    }

    /** A call the hub did not answer with 200; the message is one line for the user. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private JsonNode call(String method, String path) throws IOException, InterruptedException, Failed {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(hub.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new Failed(response.statusCode() + " " + body.path("title").asText("") + ": " + body.path("detail").asText(""));
        }
        return body;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
