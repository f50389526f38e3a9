package org.onewindow.store;

import java.time.Clock;
import java.util.Optional;

/**
 * Idempotency keys: sender + message reference + function code. The key is claimed in the same
 * transaction as the work it guards, so a re-sent message finds the original's hub id instead of
 * opening a second case.
 */
public final class DedupStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public DedupStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The hub id that already holds this key, if any. */
    public Optional<String> holder(String sender, String messageRef, String functionCode) {
        return jdbc.queryOne("select hub_id from dedup_key where sender = ? and message_ref = ? and function_code = ?",
                rs -> rs.getString(1), sender, messageRef, functionCode);
    }

    /** Claims the key for a hub id; call inside the transaction that does the guarded work. */
    public void claim(String sender, String messageRef, String functionCode, String hubId) {
        jdbc.update("insert into dedup_key (sender, message_ref, function_code, hub_id, created_at) values (?, ?, ?, ?, ?)",
                sender, messageRef, functionCode, hubId, clock.instant());
    }
}
