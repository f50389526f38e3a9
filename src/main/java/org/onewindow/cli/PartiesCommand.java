package org.onewindow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code parties …}: manages the party registry of a running hub through its admin API (operator token; see
 * {@link #USAGE}). Prints the hub's answer as JSON. Exit code 0 when the hub did it, 1 when it refused (its reason on
 * standard error) or could not be reached, 2 for a command line that cannot be run.
 */
final class PartiesCommand {
    static final String USAGE = """
            usage: parties list
                   parties show PARTY
                   parties register PARTY --kind trader|broker|agency|operator [--name N] [--box-id BOX] [--email E]
                                          [--reply-channel HTTP|JMS|SOAP|SFTP|AS2] [--admin true|false]
                   parties change PARTY [--name N] [--box-id BOX] [--email E] [--reply-channel C] [--admin true|false]
                                        [--active true|false]
                   parties add-certificate PARTY CERT.pem
                   parties revoke-certificate PARTY FINGERPRINT [--note TEXT]
                   parties issue-token PARTY
            Every command takes --hub URL (default %s) and --token TOKEN (default $ONEWINDOW_TOKEN, an admin's token).
            Every change is audited on the hub under the token's party.""".formatted(CliOptions.DEFAULT_HUB);

    private static final Set<String> OPTIONS = Set.of("--kind", "--name", "--box-id", "--email", "--reply-channel", "--admin",
            "--active", "--note");
    /** Command-line options that become fields of the party's JSON, in the admin API's names. */
    private static final Map<String, String> DETAIL_FIELDS = Map.of("--kind", "kind", "--name", "name", "--box-id", "boxId",
            "--email", "email", "--reply-channel", "replyChannel");
    private static final Map<String, String> FLAG_FIELDS = Map.of("--admin", "admin", "--active", "active");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartiesCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, OPTIONS, USAGE, err, (arguments, hub) -> print(call(arguments, hub), out, err));
    }

    private static AdminClient.Answer call(CommandArguments arguments, AdminClient hub)
            throws CliOptions.Invalid, AdminClient.Unreachable {
        List<String> words = arguments.arguments();
        String action = words.isEmpty() ? "" : words.get(0);
        switch (action) {
            case "list":
                expect(words, 1);
                return hub.get("/api/v1/admin/parties");
            case "show":
                expect(words, 2);
                return hub.get(partyPath(words.get(1)));
            case "register":
                expect(words, 2);
                ObjectNode party = details(arguments);
                party.put("partyId", words.get(1));
                if (!party.has("kind")) {
                    throw new CliOptions.Invalid("--kind is required to register a party");
                }
                return hub.post("/api/v1/admin/parties", "application/json", party.toString());
            case "change":
                expect(words, 2);
                return hub.put(partyPath(words.get(1)), details(arguments).toString());
            case "add-certificate":
                expect(words, 3);
                return hub.post(partyPath(words.get(1)) + "/certificates", "application/x-pem-file", readPem(Path.of(words.get(2))));
            case "revoke-certificate":
                expect(words, 3);
                ObjectNode note = JSON.createObjectNode();
                note.put("note", arguments.option("--note", null));
                return hub.post(partyPath(words.get(1)) + "/certificates/" + encode(words.get(2)) + "/revoke", "application/json",
                        note.toString());
            case "issue-token":
                expect(words, 2);
                return hub.post(partyPath(words.get(1)) + "/token", "application/json", "{}");
            default:
                throw new CliOptions.Invalid(action.isEmpty() ? "which parties command?" : "unknown parties command " + action);
        }
    }

    /** The party fields given as options; {@code --kind} only counts when registering. */
    private static ObjectNode details(CommandArguments arguments) throws CliOptions.Invalid {
        ObjectNode fields = JSON.createObjectNode();
        for (Map.Entry<String, String> field : DETAIL_FIELDS.entrySet()) {
            String value = arguments.option(field.getKey(), null);
            if (value != null) {
                fields.put(field.getValue(), value);
            }
        }
        for (Map.Entry<String, String> flag : FLAG_FIELDS.entrySet()) {
            String value = arguments.option(flag.getKey(), null);
            if (value != null) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new CliOptions.Invalid(flag.getKey() + " must be true or false");
                }
                fields.put(flag.getValue(), Boolean.parseBoolean(value));
            }
        }
        return fields;
    }

    private static void expect(List<String> words, int count) throws CliOptions.Invalid {
        if (words.size() != count) {
            throw new CliOptions.Invalid("parties " + words.get(0) + " takes " + (count - 1) + " argument(s)");
        }
    }

    private static String readPem(Path file) throws CliOptions.Invalid {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliOptions.Invalid("cannot read " + file + ": " + Cli.reason(e));
        }
    }

    private static String partyPath(String party) {
        return "/api/v1/admin/parties/" + encode(party);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The hub's JSON answer, pretty; a refusal's reason (problem JSON "detail") goes to standard error. */
    private static int print(AdminClient.Answer answer, PrintStream out, PrintStream err) {
        JsonNode body;
        try {
            body = answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (JsonProcessingException notJson) {
            body = JSON.getNodeFactory().textNode(answer.body());
        }
        if (!answer.ok()) {
            String detail = body.path("detail").asText(body.isTextual() ? body.asText() : body.toString());
            err.println("onewindow: the hub refused (" + answer.status() + "): " + detail);
            return 1;
        }
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree cannot be written", e);
        }
        return 0;
    }
}
