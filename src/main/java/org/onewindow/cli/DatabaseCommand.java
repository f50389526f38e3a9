package org.onewindow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * {@code db compact [--data-dir DIR] [--user U] [--password PW]}: rewrites a stopped hub's embedded H2 file so that
 * it holds only live data ({@code SHUTDOWN COMPACT}). H2 never writes a page in place and gives the space of old pages
 * back to the file system only when it compacts, which it barely does while it is busy: the file keeps the space of
 * everything deleted, bodies moved out by retention included, until this runs. Exit code 0 when compacted, 1 when the
 * database is missing, in use (the hub is running) or the compaction failed, 2 for a command line that cannot be run.
 */
final class DatabaseCommand {
    static final String USAGE = "usage: db compact [--data-dir DIR] [--user USER] [--password PASSWORD]  (the hub must be stopped)";
    private static final Set<String> OPTIONS = Set.of("--data-dir", "--user", "--password");
    private static final long MB = 1L << 20;

    private DatabaseCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandArguments arguments;
        try {
            arguments = CommandArguments.parse(args, 1, OPTIONS);
            if (!arguments.arguments().equals(List.of("compact"))) {
                throw new CliOptions.Invalid("db takes one command: compact");
            }
        } catch (CliOptions.Invalid e) {
            err.println("onewindow: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path database = Path.of(arguments.option("--data-dir", "data")).resolve("db").resolve("onewindow");
        Path file = database.resolveSibling("onewindow.mv.db");
        if (!Files.isRegularFile(file)) {
            err.println("onewindow: no embedded database at " + file.toAbsolutePath());
            return 1;
        }
        try {
            long before = Files.size(file);
            // IFEXISTS: never create an empty database where the hub's was expected
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database.toAbsolutePath() + ";IFEXISTS=TRUE",
                    arguments.option("--user", "sa"), arguments.option("--password", ""));
                 Statement compact = c.createStatement()) {
                compact.execute("SHUTDOWN COMPACT");
            }
            out.printf("compacted %s: %d MB -> %d MB%n", file.toAbsolutePath(), before / MB, Files.size(file) / MB);
            return 0;
        } catch (SQLException e) {
            err.println("onewindow: " + (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    ? "the database is in use: stop the hub that uses " + file.toAbsolutePath() + " first"
                    : "cannot compact " + file.toAbsolutePath() + ": " + e.getMessage()));
            return 1;
        } catch (IOException e) {
            err.println("onewindow: cannot read " + file.toAbsolutePath() + ": " + Cli.reason(e));
            return 1;
        }
    }
}
