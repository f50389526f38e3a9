package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub that cannot start, run as an operator runs it ({@code java -jar}), logs why and exits with status 1; run inside
 * a JVM that goes on, it stops what it had started. Before, the threads its failed start had already started (the
 * embedded broker's) kept the process alive, serving nothing.
 */
class StartupFailureIT {

    @Test
    void aHubWhoseDatabaseCannotBeOpenedSaysWhyAndExitsWithStatus1(@TempDir Path dir) throws Exception {
        HubProcess hub = new HubProcess("unopenable-database", dir.resolve("data"), dir.resolve("logs"),
                Map.of("onewindow.db.url", "jdbc:h2:file:/proc/onewindow-cannot-be-here/db"));
        try (hub) {
            assertThatThrownBy(hub::start).hasMessageContaining("exited with 1 during start");
        }
        assertThat(Files.readString(hub.log())).contains("The hub could not start")
                .contains("/proc/onewindow-cannot-be-here");
    }

    /** In a JVM that goes on (a test run, the benchmark), a failed start leaves no broker behind: its port is free. */
    @Test
    void aHubThatFailsToStartStopsTheBrokerItHadStarted(@TempDir Path dir) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("onewindow.db.url", "jdbc:h2:file:/proc/onewindow-cannot-be-here/db");
        TestHub hub = new TestHub(dir, settings);

        assertThatThrownBy(hub::start).hasMessage("The hub did not start");

        int brokerPort = URI.create(hub.brokerUrl()).getPort();
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", brokerPort));
            assertThat(again.isBound()).as("the broker's port is free again").isTrue();
        }
    }
}
