package org.onewindow.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.onewindow.store.Jdbc;

/** The audit of operators' replays and discards of parked messages (table {@code parked_action}). */
public final class ParkedActions {
    private final Jdbc jdbc;
    private final Clock clock;

    public ParkedActions(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audited action. */
    public record Action(Instant at, String actor, String action, String deadLetterQueue, String messageId, String hubId,
                         String parkedFrom, String failure) {
    }

    public void record(String actor, String action, ParkedMessage message) {
        jdbc.update("insert into parked_action (actor, action, dead_letter_queue, message_id, hub_id, parked_from, failure, "
                        + "occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)", actor, action, message.deadLetterQueue(),
                message.id(), message.hubId(), message.parkedFrom(), message.failure(), clock.instant());
    }

    /** The latest actions, newest first. */
    public List<Action> latest(int limit) {
        return jdbc.query("select occurred_at, actor, action, dead_letter_queue, message_id, hub_id, parked_from, failure "
                        + "from parked_action order by action_id desc fetch first " + limit + " rows only",
                rs -> new Action(Jdbc.instant(rs, "occurred_at"), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }
}
