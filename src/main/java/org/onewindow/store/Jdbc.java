package org.onewindow.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * so a {@code kill -9} loses them while the broker keeps their consequences; with {@code writeThrough} a commit
 * returns once a {@code CHECKPOINT} started after it has written it ({@link GroupCheckpoint}). That narrows the
 * window but does not close it (H2 skips a checkpoint while another store of its file is under way): where a crash
 * must lose nothing, use PostgreSQL ({@code docs/cluster.md}).
 */
public final class Jdbc {
    private final DataSource dataSource;
    private final boolean writeThrough;
    private final GroupCheckpoint checkpoints = new GroupCheckpoint();
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** For a database whose commits are durable when {@code commit} returns (PostgreSQL). */
    public Jdbc(DataSource dataSource) {
        this(dataSource, false);
    }

    /** {@code writeThrough}: write every commit to the database file before returning (the embedded H2). */
    public Jdbc(DataSource dataSource, boolean writeThrough) {
        this.dataSource = dataSource;
        this.writeThrough = writeThrough;
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
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            current.set(connection);
            try {
                T result = work.run();
                commitThrough(connection);
                return result;
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
        return withConnection(() -> {
            Connection c = current.get();
            if (!commitsOnItsOwn || !writeThrough) {
                try (PreparedStatement ps = prepare(c, sql, args)) {
                    return ps.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, sql, args)) {
                int rows = ps.executeUpdate();
                commitThrough(c);
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Commits, and with write-through also writes the commit to the database file before returning. */
    private void commitThrough(Connection connection) throws SQLException {
        if (!writeThrough) {
            connection.commit();
            return;
        }
        connection.commit();
        checkpoints.writeThrough(connection);
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
