package org.onewindow.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code log verify [--hub URL] [--token TOKEN]}: asks a running hub (admin token; default from the environment
 * variable {@code ONEWINDOW_TOKEN}) to recompute every party's chain of stored message records and prints the
 * report. Exit code 0 when every chain is intact, 1 when a record was altered or removed (or the call failed),
 * 2 for a command line that cannot be run.
 */
final class VerifyLogCommand {
    static final String USAGE = "usage: log verify [--hub URL] [--token TOKEN]";

    private VerifyLogCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return AdminClient.run(args, Set.of(), USAGE, err, (arguments, hub) -> {
            if (!arguments.arguments().equals(List.of("verify"))) {
                throw new CliOptions.Invalid("log takes one command: verify");
            }
            AdminClient.Answer answer = hub.get("/api/v1/admin/message-log/verify");
            out.println(answer.body());
            return answer.status() == 200 && answer.body().contains("\"intact\":true") ? 0 : 1;
        });
    }
}
