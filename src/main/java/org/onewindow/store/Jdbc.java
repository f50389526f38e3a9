package org.onewindow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC with one rule: work inside {@link #inTransaction} shares one connection and commits or
 * rolls back as a whole, so a dedup key, a case and its derived messages are written together or
 * not at all. Outside a transaction every statement commits on its own.
 *
 * <p>A commit should be on disk before the hub commits the broker transaction that depends on it: a consumed
 * message whose work was committed is gone from its queue, and a crash must not take that work with it. PostgreSQL
 * makes every commit durable. The embedded H2 writes commits to its file in the background, up to a second later,
 * so a {@code kill -9} loses them while the broker keeps their consequences; written through, a commit
 * returns once a {@code CHECKPOINT} started after it has written it ({@link GroupCheckpoint}). That narrows the
 * window but does not close it (H2 skips a checkpoint while another store of its file is under way): where a crash
 * must lose nothing, use PostgreSQL ({@code docs/cluster.md}).
 */
public final class Jdbc {
    private final DataSource dataSource;
    /** Null unless commits are written through (the embedded H2). */
    private final GroupCheckpoint checkpoints;
    private final Connection checkpointConnection;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** For a database whose commits are durable when {@code commit} returns (PostgreSQL). */
    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        this.checkpoints = null;
        this.checkpointConnection = null;
    }

    /**
     * For the embedded H2: every commit is written to the database file before the call that made it returns, by
     * checkpoints that start at least {@code checkpointInterval} apart ({@link GroupCheckpoint}), run on
     * {@code checkpointConnection}: a connection outside the pool, so that a checkpoint never queues for one behind
     * the very threads that wait for it.
     */
    public Jdbc(DataSource dataSource, Connection checkpointConnection, Duration checkpointInterval) {
        this.dataSource = dataSource;
        this.checkpoints = new GroupCheckpoint(checkpointInterval);
        this.checkpointConnection = checkpointConnection;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs the work in one transaction, joining the caller's transaction if there is one. */
    public <T> T inTransaction(Work<T> work) {
        if (current.get() != null) {
            return call(work);
        }
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                result = work.run();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new StoreException(e);
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                current.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        writeThrough();
        return result;
    }

    /**
     * Like {@link #inTransaction}, except that inside a caller's transaction the work is undone alone when it fails
     * (a savepoint), and the caller's transaction goes on with what came before it. Costs a savepoint only there.
     */
    public <T> T inSavepoint(Work<T> work) {
        Connection bound = current.get();
        if (bound == null) {
            return inTransaction(work);
        }
        try {
            Savepoint savepoint = bound.setSavepoint();
            try {
                T result = work.run();
                bound.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                bound.rollback(savepoint);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static <T> T call(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Executes an insert, update or delete and returns the number of rows it touched. */
    public int update(String sql, Object... args) {
        boolean commitsOnItsOwn = current.get() == null;
        int rows = withConnection(() -> {
            try (PreparedStatement ps = prepare(current.get(), sql, args)) {
                return ps.executeUpdate();
            }
        });
        if (commitsOnItsOwn) {
            writeThrough();
        }
        return rows;
    }

    /**
     * With write-through, returns once the caller's last commit is in the database file. Called after the connection
     * went back to the pool: a thread waiting for the checkpoint holds none, so waiting threads do not starve the pool.
     */
    private void writeThrough() {
        if (checkpoints == null) {
            return;
        }
        try {
            checkpoints.writeThrough(this::checkpoint);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs on one thread at a time ({@link GroupCheckpoint}), so the one connection suffices. */
    private void checkpoint() throws SQLException {
        try (Statement statement = checkpointConnection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return withConnection(() -> {
            Connection c = current.get();
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> T withConnection(Work<T> work) {
        Connection bound = current.get();
        if (bound != null) {
            return call(work);
        }
        try (Connection connection = dataSource.getConnection()) {
            current.set(connection);
            try {
                return call(work);
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (arg instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }

    /** Reads a timestamp column as an Instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
