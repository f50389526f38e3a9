package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.it.TestHub;

/** The tester's CLI against the whole running hub, as the README tells a new user to use it. */
class CliAgainstHubIT {

    @Test
    void sendingASamplePrintsEveryReplyAsItArrives(@TempDir Path dataDir) throws Exception {
        try (TestHub hub = new TestHub(dataDir, new Properties()).start()) {
            // act as the demo importer: its API token, and its key to sign with
            System.setProperty("onewindow.cli.token", java.nio.file.Files.readString(dataDir.resolve("demo/12345675.token")).strip());
            System.setProperty("onewindow.cli.key", dataDir.resolve("demo/12345675.p12").toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Cli.run(new String[] {"send", "--hub", hub.baseUrl(), "--wait", "3",
                    "samples/NX5105/valid/food-liquor.xml"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
            // no sender named: the hub names the importer, and the CLI follows that party's mailbox
            assertThat(printed).contains("sent samples/NX5105/valid/food-liquor.xml").contains("sender 12345675");
            assertThat(printed).contains("NX901 from CD").contains("NX901 from DN").contains("NX5106 Y").contains("NX602").contains("NX302_DN").contains("N5116");
        }
    }
}
