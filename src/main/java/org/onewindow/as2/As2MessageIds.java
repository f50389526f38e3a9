package org.onewindow.as2;

import java.time.Clock;
import java.util.Optional;
import org.onewindow.store.Jdbc;

/**
 * Every AS2 Message-ID received, per AS2-From (table {@code as2_received}): a sender that re-sends a message —
 * because it missed the MDN — gets an answer again, and the hub does not process the message twice. The record is
 * written in the transaction that stores the message.
 */
public final class As2MessageIds {
    private final Jdbc jdbc;
    private final Clock clock;

    public As2MessageIds(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The hub id of the message already received under this Message-ID from this sender. */
    public Optional<String> received(String as2From, String messageId) {
        return jdbc.queryOne("select hub_id from as2_received where as2_from = ? and message_id = ?", rs -> rs.getString(1),
                as2From, messageId);
    }

    public void record(String as2From, String messageId, String hubId) {
        jdbc.update("insert into as2_received (as2_from, message_id, hub_id, received_at) values (?, ?, ?, ?)", as2From,
                messageId, hubId, clock.instant());
    }

    /** Forgets a Message-ID whose message could not be queued, so the sender's next attempt is taken. */
    public void forget(String as2From, String messageId) {
        jdbc.update("delete from as2_received where as2_from = ? and message_id = ?", as2From, messageId);
    }
}
