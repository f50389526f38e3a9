package org.onewindow.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.MessageKeys;
import org.onewindow.ops.HubMetrics;

/**
 * Keeps every message the hub receives or sends, with its original bytes, and what became of it:
 * received, admitted, rejected (with code and text), duplicate, sent.
 */
public final class MessageStore {
    public static final String IN = "IN";
    public static final String OUT = "OUT";

    private static final String COLUMNS = "hub_id, direction, channel, sender, recipient, message_type, type_version, "
            + "message_ref, function_code, declaration_no, case_id, caused_by, status, error_code, error_text, "
            + "size_bytes, received_at, updated_at, syntax";

    private final Jdbc jdbc;
    private final Clock clock;
    private final BodyArchive archive;

    /** {@code archive}: where retention moved the bodies of old messages. */
    public MessageStore(Jdbc jdbc, Clock clock, BodyArchive archive) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.archive = archive;
    }

    /** Stores an inbound message as received, before it is acknowledged to its sender. */
    public void saveInbound(String hubId, String channel, String sender, byte[] body) {
        saveInbound(hubId, channel, sender, body, false);
    }

    /** Stores an inbound message as received; {@code test}: a connection-test message, kept out of production figures. */
    public void saveInbound(String hubId, String channel, String sender, byte[] body, boolean test) {
        var now = clock.instant();
        insert(hubId, body, "insert into message (hub_id, direction, channel, sender, status, size_bytes, received_at, updated_at, "
                + "test_mode) values (?, 'IN', ?, ?, 'RECEIVED', ?, ?, ?, ?)", hubId, channel, sender, body.length, now, now, test);
    }

    /** Records the syntax a message arrived in: {@code XML} (the default) or {@code EDI} (UN/EDIFACT). */
    public void recordSyntax(String hubId, String syntax) {
        jdbc.update("update message set syntax = ? where hub_id = ?", syntax, hubId);
    }

    /**
     * Stores one declaration translated from an EDIFACT interchange as an inbound message of its own, syntax EDI,
     * produced by ({@code triggered_by}) the interchange's record, which keeps the original bytes.
     */
    public void saveTranslated(String hubId, String interchangeHubId, String channel, String sender, byte[] body, boolean test) {
        var now = clock.instant();
        insert(hubId, body, "insert into message (hub_id, direction, channel, sender, triggered_by, status, size_bytes, received_at, "
                + "updated_at, syntax, test_mode) values (?, 'IN', ?, ?, ?, 'RECEIVED', ?, ?, ?, 'EDI', ?)", hubId, channel,
                sender, interchangeHubId, body.length, now, now, test);
    }

    /**
     * Records what became of an EDIFACT interchange: its sender and control reference, TRANSLATED when its
     * declarations went on as messages of their own (with W010 and the text when some of its messages were
     * rejected), or REJECTED.
     */
    public void recordInterchange(String hubId, String sender, String reference, String status, ErrorCode code, String text) {
        jdbc.update("update message set sender = ?, message_type = 'CUSDEC', message_ref = ?, status = ?, error_code = ?, "
                        + "error_text = ?, updated_at = ? where hub_id = ?", sender, truncate(reference, 35), status,
                code == null ? null : code.code(), truncate(text, 2000), clock.instant(), hubId);
    }

    /**
     * The syntax a party used for the message a reply answers: that message's own, when the party sent it; else
     * that of the party's latest filing on the case. Null when neither is known.
     */
    public String syntaxUsedBy(String party, String causedBy, String caseId) {
        if (causedBy != null) {
            Optional<String> own = jdbc.queryOne("select syntax from message where hub_id = ? and direction = 'IN' and sender = ?",
                    rs -> rs.getString(1), causedBy, party);
            if (own.isPresent()) {
                return own.get();
            }
        }
        if (caseId == null) {
            return null;
        }
        return jdbc.queryOne("select syntax from message where case_id = ? and direction = 'IN' and sender = ? "
                + "order by received_at desc fetch first 1 rows only", rs -> rs.getString(1), caseId, party).orElse(null);
    }

    /** Stores a message the hub sends (reply, forward, derived message). */
    public void saveOutbound(Outbound out) {
        var now = clock.instant();
        insert(out.hubId(), out.body(), "insert into message (hub_id, direction, channel, sender, recipient, message_type, "
                        + "type_version, message_ref, declaration_no, case_id, caused_by, triggered_by, status, size_bytes, "
                        + "received_at, updated_at) values (?, 'OUT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?, ?, ?)",
                out.hubId(), out.channel(), out.sender(), out.recipient(), out.messageType(), out.typeVersion(),
                out.messageRef(), out.declarationNo(), out.caseId(), out.causedBy(), out.triggeredBy(), out.body().length,
                now, now);
    }

    /**
     * Inserts a message's row and, in the same transaction, its body: a message is never stored without its bytes.
     * The body has a table of its own because the row is updated several times after this and the body never is.
     */
    private void insert(String hubId, byte[] body, String insertMessage, Object... columns) {
        StoredBody stored = StoredBody.of(body);
        jdbc.inTransaction(() -> {
            jdbc.update(insertMessage, columns);
            jdbc.update("insert into message_body (hub_id, body, compressed) values (?, ?, ?)", hubId, stored.bytes(),
                    stored.compressed());
            return null;
        });
    }

    /**
     * What the hub sends: who to, what type, which case, which message it answers ({@code causedBy}) and
     * which inbound message's processing produced it ({@code triggeredBy}; for the deadline watch, its tick).
     */
    public record Outbound(String hubId, String channel, String sender, String recipient, String messageType,
                           String typeVersion, String messageRef, String declarationNo, String caseId, String causedBy,
                           String triggeredBy, byte[] body) {
    }

    /** Records what admission learnt about a message and its new status. */
    public void recordIdentity(String hubId, String sender, String type, String version, MessageKeys keys, String caseId,
                               String status) {
        jdbc.update("update message set sender = ?, message_type = ?, type_version = ?, message_ref = ?, function_code = ?, "
                        + "declaration_no = ?, case_id = ?, status = ?, updated_at = ? where hub_id = ?",
                sender, type, version, keys.messageRef(), keys.functionCode(), keys.declarationNo(), caseId, status,
                clock.instant(), hubId);
    }

    /** Marks a message rejected with the first error's code and the full readable text. */
    public void recordRejection(String hubId, ErrorCode code, String text) {
        jdbc.update("update message set status = 'REJECTED', error_code = ?, error_text = ?, updated_at = ? where hub_id = ?",
                code.code(), truncate(text, 2000), clock.instant(), hubId);
        HubMetrics.rejected(code.code());
    }

    /** Marks an inbound message a duplicate of an earlier one it resends. */
    public void recordDuplicate(String hubId, String originalHubId) {
        jdbc.update("update message set status = 'DUPLICATE', caused_by = ?, updated_at = ? where hub_id = ?",
                originalHubId, clock.instant(), hubId);
    }

    public Optional<StoredMessage> find(String hubId) {
        return jdbc.queryOne("select " + COLUMNS + " from message where hub_id = ?", MessageStore::map, hubId);
    }

    /** The message's original bytes, from the database or, once retention moved them, from their archive file. */
    public Optional<byte[]> body(String hubId) {
        return StoredBody.load(jdbc, hubId).or(() -> archive.body(hubId));
    }

    /** Messages the hub sent because of this one, oldest first. */
    public List<StoredMessage> causedBy(String hubId) {
        return jdbc.query("select " + COLUMNS + " from message where caused_by = ? order by received_at, hub_id",
                MessageStore::map, hubId);
    }

    /** What the processing of an inbound message produced, in the order it was stored. */
    public List<StoredMessage> triggeredBy(String hubId) {
        return jdbc.query("select " + COLUMNS + " from message where triggered_by = ? order by received_at, hub_id",
                MessageStore::map, hubId);
    }

    /** Every message of a case, oldest first. */
    public List<StoredMessage> ofCase(String caseId) {
        return jdbc.query("select " + COLUMNS + " from message where case_id = ? order by received_at, hub_id",
                MessageStore::map, caseId);
    }

    private static StoredMessage map(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getString("hub_id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("sender"), rs.getString("recipient"), rs.getString("message_type"),
                rs.getString("type_version"), rs.getString("message_ref"), rs.getString("function_code"),
                rs.getString("declaration_no"), rs.getString("case_id"), rs.getString("caused_by"),
                rs.getString("status"), rs.getString("error_code"), rs.getString("error_text"),
                rs.getInt("size_bytes"), Jdbc.instant(rs, "received_at"), Jdbc.instant(rs, "updated_at"),
                rs.getString("syntax"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
