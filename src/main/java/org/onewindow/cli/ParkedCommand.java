package org.onewindow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final AdminClient hub;
    private final PrintStream out;

    private ParkedCommand(AdminClient hub, PrintStream out) {
        this.hub = hub;
        this.out = out;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, Set.of(), USAGE, err, (arguments, hub) -> {
            List<String> words = arguments.arguments();
            if (words.isEmpty() || !arity(words)) {
                throw new CliOptions.Invalid(words.isEmpty() ? "which parked command?" : "parked " + words.get(0) + " cannot be run so");
            }
            try {
                new ParkedCommand(hub, out).run(words);
                return 0;
            } catch (Failed e) {
                err.println("onewindow: " + e.getMessage());
                return 1;
            }
        });
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

    private void run(List<String> words) throws AdminClient.Unreachable, Failed {
        switch (words.get(0)) {
            case "list":
                if (words.size() == 1) {
                    listQueues();
                } else {
                    listMessages(words.get(1));
                }
                return;
            case "show":
                out.println(pretty(answer(hub.get(messagePath(words)))));
                return;
            case "replay":
                JsonNode replayed = answer(hub.post(messagePath(words) + "/replay", "application/json", ""));
                out.println("replayed " + words.get(2) + " (hub id " + replayed.path("hubId").asText("-") + ") to "
                        + replayed.path("parkedFrom").asText());
                return;
            case "discard":
                JsonNode discarded = answer(hub.delete(messagePath(words)));
                out.println("discarded " + words.get(2) + " (hub id " + discarded.path("hubId").asText("-") + ") from " + words.get(1));
                return;
            default:
                for (JsonNode a : answer(hub.get("/api/v1/admin/parked-actions"))) {
                    out.println(a.path("at").asText() + "  " + a.path("actor").asText() + "  " + a.path("action").asText() + "  "
                            + a.path("queue").asText() + "  " + a.path("messageId").asText() + "  hub id " + a.path("hubId").asText("-"));
                }
        }
    }

    private void listQueues() throws AdminClient.Unreachable, Failed {
        for (JsonNode q : answer(hub.get(PATH))) {
            out.printf("%-40s %6d%s%n", q.path("queue").asText(), q.path("count").asLong(),
                    q.path("parkedFrom").isTextual() ? "  parks for " + q.path("parkedFrom").asText() : "  (the broker's catch-all)");
        }
    }

    private void listMessages(String queue) throws AdminClient.Unreachable, Failed {
        for (JsonNode m : answer(hub.get(PATH + "/" + segment(queue)))) {
            String failure = m.path("failure").asText("");
            out.println(m.path("id").asText() + "  hub id " + m.path("hubId").asText("-") + "  parked " + m.path("parkedAt").asText()
                    + "  after " + m.path("deliveries").asInt() + " deliveries  "
                    + (failure.length() > FAILURE_WIDTH ? failure.substring(0, FAILURE_WIDTH) + "…" : failure).replaceAll("\\s+", " "));
        }
    }

    /** A call the hub did not answer with 200; the message is one line for the user. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private static JsonNode answer(AdminClient.Answer answer) throws Failed {
        JsonNode body;
        try {
            body = answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new Failed(answer.status() + ": " + answer.body());
        }
        if (answer.status() != 200) {
            throw new Failed(answer.status() + " " + body.path("title").asText("") + ": " + body.path("detail").asText(""));
        }
        return body;
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree cannot be written", e);
        }
    }

    private static String messagePath(List<String> words) {
        return PATH + "/" + segment(words.get(1)) + "/" + segment(words.get(2));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
