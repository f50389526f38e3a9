package org.onewindow.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.store.Jdbc;

/**
 * The live clearance counters of the front page, over the last hour (the live window): how many declarations
 * and applications of each message type parties sent, were accepted and rejected, and how many declarations
 * moved to each clearance state (accepted, rejected, C1 / C2 / C3 selected, released, cancelled). Production
 * only; two indexed range queries (message by received_at, case_event by occurred_at) when asked.
 */
public final class LiveCounters {
    private static final String MESSAGES = "select message_type, count(*) as received, "
            + "sum(case when status = 'ADMITTED' then 1 else 0 end) as accepted, "
            + "sum(case when status = 'REJECTED' then 1 else 0 end) as rejected "
            + "from message where received_at >= ? and direction = 'IN' and channel <> 'AGENCY' and test_mode = false "
            + "and message_type is not null group by message_type order by message_type";
    private static final String CLEARANCES = "select e.to_state, count(*) as moves from case_event e "
            + "join trade_case c on c.case_id = e.case_id "
            + "where e.occurred_at >= ? and e.agency is null and c.test_mode = false group by e.to_state order by e.to_state";

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration window;

    public LiveCounters(Jdbc jdbc, Clock clock, Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /** Message types with their counts, and declaration states with how many declarations reached them. */
    public record Snapshot(Instant since, Instant until, List<TypeCount> messages, Map<String, Long> declarations) {
    }

    /** How many messages of one type parties sent in the window, and how many were accepted and rejected. */
    public record TypeCount(String messageType, long received, long accepted, long rejected) {
    }

    public Snapshot now() {
        Instant until = clock.instant();
        Instant since = until.minus(window);
        List<TypeCount> messages = jdbc.query(MESSAGES, rs -> new TypeCount(rs.getString("message_type"),
                rs.getLong("received"), rs.getLong("accepted"), rs.getLong("rejected")), since);
        Map<String, Long> declarations = new LinkedHashMap<>();
        jdbc.query(CLEARANCES, rs -> declarations.put(rs.getString("to_state"), rs.getLong("moves")), since);
        return new Snapshot(since, until, messages, declarations);
    }
}
