package org.onewindow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * {@code log verify [--hub URL] [--token TOKEN]}: asks a running hub (admin token; default from the environment
 * variable {@code ONEWINDOW_TOKEN}) to recompute every party's chain of stored message records and prints the
 * report. Exit code 0 when every chain is intact, 1 when a record was altered or removed (or the call failed),
 * 2 for a command line that cannot be run.
 */
public final class VerifyLogCommand {
    private VerifyLogCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String hub = "http://localhost:8080";
        String token = System.getenv("ONEWINDOW_TOKEN");
        if (args.length < 2 || !args[1].equals("verify")) {
            err.println("usage: log verify [--hub URL] [--token TOKEN]");
            return 2;
        }
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--hub" -> hub = args[i + 1];
                case "--token" -> token = args[i + 1];
                default -> {
                    err.println("onewindow: unknown option " + args[i]);
                    return 2;
                }
            }
        }
        if (token == null || token.isBlank()) {
            err.println("onewindow: give an admin API token with --token or ONEWINDOW_TOKEN");
            return 2;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(hub + "/api/v1/admin/message-log/verify"))
                            .header("Authorization", "Bearer " + token.strip()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            out.println(response.body());
            return response.statusCode() == 200 && response.body().contains("\"intact\":true") ? 0 : 1;
        } catch (IOException e) {
            err.println("onewindow: cannot reach " + hub + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
