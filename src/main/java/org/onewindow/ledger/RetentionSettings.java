package org.onewindow.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Settings of retention ({@code onewindow.retention.*}), each documented with its default in
 * {@code application.properties}; the defaults here apply only when a key is missing altogether.
 *
 * @param archiveAfter how long a message's body stays in the database after the last message of its case arrived;
 *                     empty ({@code off}) keeps every body in the database
 * @param archiveDir   where the archive files go
 * @param perFile      the most bodies one archive file (and one database transaction) takes
 */
public record RetentionSettings(Optional<Duration> archiveAfter, Path archiveDir, int perFile) {
    public static final String OFF = "off";

    public static RetentionSettings from(CamelContext context, Path dataDir) {
        PropertiesComponent p = context.getPropertiesComponent();
        String after = get(p, "onewindow.retention.archive-after", "P30D");
        String dir = get(p, "onewindow.retention.archive-dir", "");
        return new RetentionSettings(OFF.equalsIgnoreCase(after) ? Optional.empty() : Optional.of(positive(after)),
                dir.isEmpty() ? dataDir.resolve("message-archive") : Path.of(dir),
                atLeastOne(Integer.parseInt(get(p, "onewindow.retention.bodies-per-file", "5000"))));
    }

    private static int atLeastOne(int bodiesPerFile) {
        if (bodiesPerFile < 1) {
            throw new IllegalArgumentException("onewindow.retention.bodies-per-file must be at least 1, not " + bodiesPerFile);
        }
        return bodiesPerFile;
    }

    private static Duration positive(String text) {
        Duration duration = Duration.parse(text);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("onewindow.retention.archive-after must be a positive ISO-8601 duration "
                    + "(P30D, PT12H) or off, not " + text);
        }
        return duration;
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
