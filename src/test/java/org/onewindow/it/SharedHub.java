package org.onewindow.it;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For a test class whose tests share one hub with its default settings, on a data directory of its own, and a client
 * of it. Test classes run one after another, so each gets its own hub in these fields.
 */
abstract class SharedHub {
    @TempDir
    static Path dataDir;
    static TestHub hub;
    static HubClient client;

    @BeforeAll
    static void startSharedHub() throws Exception {
        hub = new TestHub(dataDir, new Properties()).start();
        client = new HubClient(hub);
    }

    @AfterAll
    static void stopSharedHub() throws Exception {
        client.close();
        hub.stop();
    }
}
