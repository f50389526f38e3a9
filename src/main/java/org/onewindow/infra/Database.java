package org.onewindow.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.apache.camel.Service;
import org.flywaydb.core.Flyway;

/**
 * The hub's database: a pooled connection to the configured JDBC URL (the embedded H2 file by
 * default, PostgreSQL for many nodes), migrated by Flyway before anything uses it.
 */
public final class Database implements Service, AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean writeThrough;

    public Database(HubSettings settings) {
        String url = settings.effectiveDbUrl();
        this.writeThrough = settings.dbWriteThrough() && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setPoolName("onewindow");
        this.dataSource = new HikariDataSource(config);

        Flyway.configure().dataSource(dataSource).load().migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * True for H2 files unless {@code onewindow.db.write-through} is false: H2 writes a commit to its file in the
     * background, up to a second after it returned, so the hub writes each commit through itself as far as H2 lets it
     * ({@link org.onewindow.store.Jdbc}). PostgreSQL commits are durable.
     */
    public boolean writeThrough() {
        return writeThrough;
    }

    @Override
    public void start() {
        // the pool is ready once constructed
    }

    @Override
    public void stop() {
        dataSource.close();
    }

    @Override
    public void close() {
        stop();
    }
}
