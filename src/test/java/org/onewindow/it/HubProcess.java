package org.onewindow.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.onewindow.testing.FreePorts;

/**
 * The hub as an operator runs it: {@code java -jar target/onewindow.jar} in an OS process of its own, configured
 * only by system properties (data directory, ports, external broker and database), so a test can kill it with
 * SIGKILL ({@link #kill()}) and start it again on the same data and ports. Its output goes to
 * {@code <log-dir>/<name>-<n>.log}, one file per start.
 */
final class HubProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "onewindow.jar");
    private static final Duration START_WAIT = Duration.ofSeconds(120);

    final String name;
    final Path dataDir;
    final int httpPort;
    final int brokerPort;
    private final Path logDir;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    /** A hub on a data directory of its own, on free ports (HTTP, broker and the other channels) kept across restarts. */
    HubProcess(String name, Path dataDir, Path logDir, Map<String, String> settings) {
        this.name = name;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.httpPort = freePort();
        this.brokerPort = freePort();
        this.settings = new TreeMap<>(Map.of("onewindow.sftp.port", String.valueOf(freePort()),
                "onewindow.as2.port", String.valueOf(freePort()), "onewindow.soap.port", String.valueOf(freePort()),
                "onewindow.disk.min-free", TestHub.TEST_DISK_MIN_FREE));
        this.settings.putAll(settings);
    }

    /** Starts the process and returns once its API answers (routes started, parties bootstrapped). */
    HubProcess start() throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests with mvn verify (after package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-Donewindow.data-dir=" + dataDir.toAbsolutePath());
        command.add("-Dcamel.server.port=" + httpPort);
        command.add("-Donewindow.broker.port=" + brokerPort);
        command.add("-Dcamel.main.shutdown-timeout=5");
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Files.createDirectories(logDir);
        starts++;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        awaitReady();
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, no clean broker or database close — a crash. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** SIGTERM and wait for the clean shutdown; SIGKILL if it takes too long. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The embedded broker's TCP acceptor (only when the hub runs its own broker). */
    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    /** The demo credentials the bootstrapping node wrote: {@code <data-dir>/demo/<party><suffix>}. */
    Path demoFile(String party, String suffix) {
        return dataDir.resolve("demo").resolve(party + suffix);
    }

    /** Where this start's output goes; named in assertion messages so a failure can be read. */
    Path log() {
        return logDir.resolve(name + "-" + starts + ".log");
    }

    /**
     * Polls the readiness probe until it answers 200: broker, database, every route and the schemas are up (a 404
     * from an HTTP server whose routes are not there yet is not ready). A process that exits meanwhile fails at once.
     */
    private void awaitReady() {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start; see " + log());
            }
            if (ready()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException(name + " did not answer on " + baseUrl() + " within " + START_WAIT + "; see " + log());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/observe/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                    && Files.exists(demoFile(TestParties.OPERATOR, ".token"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    static int freePort() {
        return FreePorts.next();
    }
}
