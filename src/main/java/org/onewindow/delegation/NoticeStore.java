package org.onewindow.delegation;

import java.time.Clock;
import java.util.List;
import org.onewindow.store.Jdbc;

/**
 * The {@code delegation_notice} table: e-mails to send, recorded with the change they report. A notice is
 * claimed for one attempt by raising its attempt count from the value read, so two nodes never send it twice
 * at once.
 */
public final class NoticeStore {
    /** A notice waiting to be sent. */
    public record Pending(long id, String email, String subject, String body, int attempts) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public NoticeStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a notice; with no address it is kept as NO_ADDRESS, never sent. */
    public void add(String delegationId, String party, String email, String subject, String body) {
        jdbc.update("insert into delegation_notice (delegation_id, party, email, subject, body, state, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)",
                delegationId, party, email, subject, body, email == null ? "NO_ADDRESS" : "PENDING", clock.instant());
    }

    public List<Pending> pending(int limit) {
        return jdbc.query("select notice_id, email, subject, body, attempts from delegation_notice where state = 'PENDING' "
                        + "order by notice_id fetch first " + limit + " rows only",
                rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
    }

    /** Takes the notice for one attempt; false when another node took it first. */
    public boolean claim(Pending notice) {
        return jdbc.update("update delegation_notice set attempts = attempts + 1 where notice_id = ? and attempts = ? "
                + "and state = 'PENDING'", notice.id(), notice.attempts()) == 1;
    }

    public void sent(long id) {
        jdbc.update("update delegation_notice set state = 'SENT', sent_at = ?, last_error = null where notice_id = ?",
                clock.instant(), id);
    }

    /** Records why an attempt failed; after the last allowed attempt the notice is FAILED for good. */
    public void failed(long id, String error, boolean lastAttempt) {
        String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.update("update delegation_notice set state = ?, last_error = ? where notice_id = ?",
                lastAttempt ? "FAILED" : "PENDING", reason, id);
    }

    /** State of the notices about one delegation, oldest first, as {@code party:state}. */
    public List<String> states(String delegationId) {
        return jdbc.query("select party, state from delegation_notice where delegation_id = ? order by notice_id",
                rs -> rs.getString(1) + ":" + rs.getString(2), delegationId);
    }
}
