package org.onewindow.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.onewindow.store.Jdbc;

/**
 * Counts what parties sent, per party, day, message type and syntax (XML / EDI): received, accepted, rejected.
 * Computed when asked from the message store — nothing is counted on the message path. The database groups a
 * party's (or everyone's) inbound messages of the range by hour, over the indexes on (sender, received_at) and
 * (received_at); the hours are folded into calendar days of the statistics' time zone here, which keeps the SQL
 * portable (H2 and PostgreSQL) and the days right in any zone whose offset is whole hours.
 *
 * <p>Counted: inbound messages from parties (not agency replies), production only (connection-test messages are
 * left out).
 */
public final class TrafficStatistics {
    private static final String HOUR = "date_trunc('hour', received_at)";
    private static final String SQL = "select sender, message_type, syntax, " + HOUR + " as received_hour, count(*) as received, "
            + "sum(case when status = 'ADMITTED' then 1 else 0 end) as accepted, "
            + "sum(case when status = 'REJECTED' then 1 else 0 end) as rejected "
            + "from message where direction = 'IN' and channel <> 'AGENCY' and test_mode = false "
            + "and received_at >= ? and received_at < ?";
    private static final String GROUP = " group by sender, message_type, syntax, " + HOUR;

    private final Jdbc jdbc;
    private final ZoneId zone;

    public TrafficStatistics(Jdbc jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** The rows of the days {@code from} to {@code to}, both included; {@code party} null: every party. */
    public List<TrafficRow> daily(LocalDate from, LocalDate to, String party) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<TrafficRow> hours = party == null
                ? jdbc.query(SQL + GROUP, this::hourRow, start, end)
                : jdbc.query(SQL + " and sender = ?" + GROUP, this::hourRow, start, end, party);
        // sorted by day, party, type, syntax (a NUL separates the parts: no id contains one)
        Map<String, TrafficRow> days = new TreeMap<>();
        for (TrafficRow hour : hours) {
            String key = String.join("\u0000", hour.day().toString(), Objects.toString(hour.party(), ""),
                    Objects.toString(hour.messageType(), ""), Objects.toString(hour.syntax(), ""));
            days.merge(key, hour, (sum, more) -> sum.plus(more.received(), more.accepted(), more.rejected()));
        }
        return new ArrayList<>(days.values());
    }

    private TrafficRow hourRow(ResultSet rs) throws SQLException {
        LocalDate day = Jdbc.instant(rs, "received_hour").atZone(zone).toLocalDate();
        return new TrafficRow(day, rs.getString("sender"), rs.getString("message_type"), rs.getString("syntax"),
                rs.getLong("received"), rs.getLong("accepted"), rs.getLong("rejected"));
    }
}
