package org.onewindow.infra;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The hub's own settings, read once from Camel's properties ({@code application.properties}, profile
 * files, environment). Each key and its default is documented in {@code application.properties}; the
 * defaults here only apply when a key is missing altogether.
 */
public record HubSettings(
        Path dataDir,
        String brokerUrl,
        String brokerHost,
        int brokerPort,
        String brokerUser,
        String brokerPassword,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        boolean dbWriteThrough,
        Duration dbCheckpointInterval,
        String schemasDir,
        int maxMessageBytes,
        Duration intakeReadTimeout,
        Duration agencyDeadline,
        String demoRules,
        long diskMinFree,
        int diskCheckMs) {

    public static HubSettings from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        return new HubSettings(
                Path.of(get(p, "onewindow.data-dir", "data")),
                get(p, "onewindow.broker.url", ""),
                get(p, "onewindow.broker.host", "127.0.0.1"),
                Integer.parseInt(get(p, "onewindow.broker.port", "61616")),
                get(p, "onewindow.broker.user", ""),
                get(p, "onewindow.broker.password", ""),
                get(p, "onewindow.db.url", ""),
                get(p, "onewindow.db.user", "sa"),
                get(p, "onewindow.db.password", ""),
                Integer.parseInt(get(p, "onewindow.db.pool-size", "10")),
                Boolean.parseBoolean(get(p, "onewindow.db.write-through", "true")),
                Duration.ofMillis(Long.parseLong(get(p, "onewindow.db.checkpoint-interval-ms", "10"))),
                get(p, "onewindow.schemas.dir", ""),
                Integer.parseInt(get(p, "onewindow.intake.max-bytes", "10485760")),
                Duration.parse(get(p, "onewindow.intake.read-timeout", "PT60S")),
                Duration.parse(get(p, "onewindow.correlate.agency-deadline", "PT10M")),
                get(p, "onewindow.demo-agencies.rules", ""),
                ByteSize.parse(get(p, "onewindow.disk.min-free", "1GB")),
                Integer.parseInt(get(p, "onewindow.disk.check-ms", "1000")));
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }

    /**
     * H2 keeps a per-connection cache of parsed statements, 8 by default; one message's path runs a few dozen
     * distinct statements, so every statement was parsed again (H2's parser was ~4% of the hub's CPU). The
     * page cache (16 MB by default) is raised so that the indexes of a busy day stay in memory.
     */
    private static final String H2_TUNING = ";QUERY_CACHE_SIZE=128;CACHE_SIZE=65536";

    /** True when no external broker is configured and the hub runs its own. */
    public boolean embeddedBroker() {
        return brokerUrl.isEmpty();
    }

    /** The JDBC URL in force: the configured one, or the embedded H2 file under the data directory. */
    public String effectiveDbUrl() {
        if (!dbUrl.isEmpty()) {
            return dbUrl;
        }
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("onewindow").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"
                + H2_TUNING;
    }
}
