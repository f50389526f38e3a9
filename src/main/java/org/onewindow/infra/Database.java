package org.onewindow.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.camel.Service;
import org.flywaydb.core.Flyway;
import org.onewindow.store.Jdbc;
import org.slf4j.LoggerFactory;

/**
 * The hub's database: a pooled connection to the configured JDBC URL (the embedded H2 file by
 * default, PostgreSQL for many nodes), migrated by Flyway before anything uses it.
 */
public final class Database implements Service, AutoCloseable {
    private final HikariDataSource dataSource;
    /** The write-through's checkpoints run here, outside the pool; null without write-through. */
    private final Connection checkpointConnection;
    private final Jdbc jdbc;

    public Database(HubSettings settings) {
        String url = settings.effectiveDbUrl();
        boolean writeThrough = settings.dbWriteThrough() && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setPoolName("onewindow");
        this.dataSource = new HikariDataSource(config);

        Flyway.configure().dataSource(dataSource).load().migrate();
        this.checkpointConnection = writeThrough ? connect(url, settings) : null;
        this.jdbc = writeThrough ? new Jdbc(dataSource, checkpointConnection, settings.dbCheckpointInterval()) : new Jdbc(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Statements on this database. An H2 file writes a commit to disk in the background, up to a second after it
     * returned, so unless {@code onewindow.db.write-through} is false the hub writes each commit through itself as far
     * as H2 lets it ({@link Jdbc}); PostgreSQL commits are durable.
     */
    public Jdbc jdbc() {
        return jdbc;
    }

    private static Connection connect(String url, HubSettings settings) {
        try {
            return DriverManager.getConnection(url, settings.dbUser(), settings.dbPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database " + url, e);
        }
    }

    @Override
    public void start() {
        // the pool is ready once constructed
    }

    @Override
    public void stop() {
        if (checkpointConnection != null) {
            try {
                checkpointConnection.close();
            } catch (SQLException e) {
                LoggerFactory.getLogger(Database.class).warn("Could not close the checkpoint connection", e);
            }
        }
        dataSource.close();
    }

    @Override
    public void close() {
        stop();
    }
}
