package org.onewindow.it;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.onewindow.HubConfiguration;
import org.onewindow.testing.FreePorts;

/**
 * The whole hub as a user runs it — Camel Main with the real route files, embedded Artemis and H2 —
 * on free ports and a data directory of the test's choosing, so a test can stop it and start it again
 * on the same data.
 */
public final class TestHub implements AutoCloseable {
    /**
     * The disk guard's limit in tests: low, so that the suite does not depend on how full the test machine's disk is
     * (the default, 1GB, would turn every hub away on a nearly full one); DiskFullIT sets its own.
     */
    static final String TEST_DISK_MIN_FREE = "64MB";
    final Path dataDir;
    final int httpPort;
    final int brokerPort;
    final int sftpPort;
    final int as2Port;
    final int soapPort;
    private final Properties overrides;
    private Main main;

    public TestHub(Path dataDir, Properties overrides) {
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.brokerPort = freePort();
        this.sftpPort = freePort();
        this.as2Port = freePort();
        this.soapPort = freePort();
        this.overrides = overrides;
    }

    public TestHub start() {
        main = new Main();
        main.configure().addConfiguration(HubConfiguration.class);
        Properties p = new Properties();
        p.setProperty("camel.main.routes-include-pattern", "file:routes/*.camel.yaml");
        p.setProperty("onewindow.data-dir", dataDir.toString());
        p.setProperty("camel.server.port", String.valueOf(httpPort));
        p.setProperty("onewindow.broker.port", String.valueOf(brokerPort));
        p.setProperty("onewindow.sftp.host", "127.0.0.1");
        p.setProperty("onewindow.sftp.port", String.valueOf(sftpPort));
        p.setProperty("onewindow.as2.bind-address", "127.0.0.1");
        p.setProperty("onewindow.as2.port", String.valueOf(as2Port));
        p.setProperty("onewindow.soap.host", "127.0.0.1");
        p.setProperty("onewindow.soap.port", String.valueOf(soapPort));
        p.setProperty("camel.main.shutdown-timeout", "5");
        p.setProperty("onewindow.disk.min-free", TEST_DISK_MIN_FREE);
        p.putAll(overrides);
        main.setOverrideProperties(p);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("The hub did not start", e);
        }
        return this;
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** A bean of the running hub's registry (the benchmark reads the message store through it). */
    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public void stop() {
        if (main != null) {
            try {
                main.stop();
            } catch (Exception e) {
                throw new IllegalStateException("The hub did not stop", e);
            }
            main = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        return FreePorts.next();
    }
}
