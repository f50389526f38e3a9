package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command lines the parked command cannot run are refused with the usage, before any call to a hub. */
class ParkedCommandTest {

    @Test
    void aCommandLineThatCannotBeRunExits2WithTheUsage() {
        assertThat(run("parked", "--token", "t")).startsWith("2 onewindow: which parked command?").contains("usage: parked list");
        assertThat(run("parked", "replay", "DLQ.onewindow.admit", "--token", "t")).startsWith("2 onewindow: parked replay cannot")
                .contains("usage:");
        assertThat(run("parked", "purge", "--token", "t")).startsWith("2 onewindow: parked purge cannot").contains("usage:");
        assertThat(run("parked", "list", "--colour", "red")).startsWith("2 onewindow: unknown option --colour");
    }

    @Test
    void anUnreachableHubExits1() {
        assertThat(run("parked", "list", "--hub", "http://127.0.0.1:1", "--token", "t")).startsWith("1 onewindow: cannot reach http://127.0.0.1:1");
    }

    /** The exit code and what was printed on standard error. */
    private static String run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ParkedCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return exit + " " + err.toString(StandardCharsets.UTF_8);
    }
}
