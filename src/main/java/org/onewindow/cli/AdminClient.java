package org.onewindow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The operator commands' way to a running hub's admin API: every call carries the operator's API token as a
 * Bearer token. The hub (default {@code http://localhost:8080}) and the token (default {@code ONEWINDOW_TOKEN}, see
 * {@link CallerCredentials}) come from {@code --hub} and {@code --token}.
 */
final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the hub answered: the HTTP status and the body as text. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The hub could not be reached; the message is one line for the user. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    /** One operator command: what it does with its arguments and the hub; returns the exit code. */
    @FunctionalInterface
    interface Command {
        int call(CommandArguments arguments, AdminClient hub) throws CliOptions.Invalid, Unreachable;
    }

    /**
     * Parses {@code args} (from index 1, accepting {@code options} besides {@code --hub} and {@code --token}) and
     * runs the command; a command line that cannot be run prints the usage and exits 2, an unreachable hub 1.
     */
    static int run(String[] args, Set<String> options, String usage, PrintStream err, Command command) {
        try {
            Set<String> known = new HashSet<>(options);
            known.add("--hub");
            known.add("--token");
            CommandArguments arguments = CommandArguments.parse(args, 1, known);
            return command.call(arguments, from(arguments));
        } catch (CliOptions.Invalid e) {
            err.println("onewindow: " + e.getMessage());
            err.println(usage);
            return 2;
        } catch (Unreachable e) {
            err.println("onewindow: " + e.getMessage());
            return 1;
        }
    }

    private final String hub;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminClient(String hub, String token) {
        this.hub = hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub;
        this.token = token.strip();
    }

    /** The client for {@code --hub} / {@code --token} (or ONEWINDOW_TOKEN); a missing token cannot be run. */
    private static AdminClient from(CommandArguments arguments) throws CliOptions.Invalid {
        String token = arguments.option("--token", CallerCredentials.tokenFromEnvironment().orElse(null));
        if (token == null || token.isBlank()) {
            throw new CliOptions.Invalid("give the operator's API token with --token or ONEWINDOW_TOKEN");
        }
        return new AdminClient(arguments.option("--hub", CliOptions.DEFAULT_HUB), token);
    }

    Answer get(String path) throws Unreachable {
        return send(request(path).GET());
    }

    Answer post(String path, String contentType, String body) throws Unreachable {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String json) throws Unreachable {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) throws Unreachable {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(hub + path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws Unreachable {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + hub + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while calling " + hub);
        }
    }
}
