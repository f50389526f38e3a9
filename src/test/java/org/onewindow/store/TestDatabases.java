package org.onewindow.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.onewindow.infra.Database;
import org.onewindow.infra.HubSettings;

/**
 * The real databases a store test runs on: the embedded H2 file, and PostgreSQL on 127.0.0.1:5432 (database
 * {@code test}, a schema of its own per call) where the machine has it, migrated by Flyway as the hub does.
 */
public final class TestDatabases {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    /** The kinds, for {@code @MethodSource}. */
    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** Opens a migrated database of this kind; skips the test when PostgreSQL is not running. */
    public static Database open(String kind, Path dataDir) throws Exception {
        return new Database(settings(kind, dataDir));
    }

    /** The hub settings of a new, not yet migrated database of this kind; skips the test when PostgreSQL is not running. */
    public static HubSettings settings(String kind, Path dataDir) throws Exception {
        var context = new DefaultCamelContext();
        Properties p = new Properties();
        p.setProperty("onewindow.data-dir", dataDir.resolve(kind).toString());
        if (kind.equals("postgresql")) {
            assumeTrue(postgresAvailable(), "PostgreSQL is not running on 127.0.0.1:5432; H2 covers the store");
            String schema = "ow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            p.setProperty("onewindow.db.url", POSTGRES + "?currentSchema=" + schema);
            p.setProperty("onewindow.db.user", "postgres");
        }
        context.getPropertiesComponent().setInitialProperties(p);
        return HubSettings.from(context);
    }

    private static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
