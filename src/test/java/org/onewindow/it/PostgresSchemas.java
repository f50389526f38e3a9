package org.onewindow.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh schema of this machine's PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust
 * authentication) for one test run, and the hub settings that point a hub at it. Skips the test when PostgreSQL is
 * not running.
 */
final class PostgresSchemas {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private PostgresSchemas() {
    }

    /** Creates a schema named {@code <prefix>_<random>} and returns its name. */
    static String fresh(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (Exception e) {
            assumeTrue(false, "PostgreSQL is not running on 127.0.0.1:5432 (" + e.getMessage() + ")");
        }
        return schema;
    }

    /** The settings that make a hub use this schema as its store. */
    static Map<String, String> hubSettings(String schema) {
        return Map.of("onewindow.db.url", URL + "?currentSchema=" + schema, "onewindow.db.user", "postgres");
    }
}
