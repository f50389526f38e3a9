package org.onewindow.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.onewindow.party.Certificates;
import org.onewindow.store.Jdbc;
import org.onewindow.store.StoredBody;

/**
 * The parts of a stored message record that the tamper-evident chain protects — who sent it to whom, over
 * which channel, when, and the exact bytes — and the hash that links it to the record before it in its
 * party's chain: {@code SHA-256(previous hash | hub id | direction | channel | sender | recipient | received
 * at | SHA-256(body))}. Fields that legitimately change after storage (status, error, case) are not covered. Only
 * the body's SHA-256 is needed, so a record whose body retention moved to an archive file is checked with the SHA-256
 * kept beside it ({@code archived_body}), and the file against that.
 */
record ChainRecord(String hubId, String direction, String channel, String sender, String recipient, Instant receivedAt,
                   String bodySha256) {
    /** The previous hash of a party's first record. */
    static final String GENESIS = "0".repeat(64);
    /** What {@link #read} reads, from {@code message m} joined with its body, {@code message_body b}. */
    static final String COLUMNS = "m.hub_id, m.direction, m.channel, m.sender, m.recipient, m.received_at, "
            + StoredBody.COLUMNS;
    /** With {@link #COLUMNS}, where a body may have been archived: joined with {@code archived_body a}. */
    static final String ARCHIVED_DIGEST = "a.body_sha256 as archived_sha256";

    /** A record with its body at hand. */
    static ChainRecord of(String hubId, String direction, String channel, String sender, String recipient, Instant receivedAt,
                          byte[] body) {
        return new ChainRecord(hubId, direction, channel, sender, recipient, receivedAt, Certificates.sha256Hex(body));
    }

    /** Reads {@link #COLUMNS}, and {@link #ARCHIVED_DIGEST} for a record without a body; the digest is null without either. */
    static ChainRecord read(ResultSet rs) throws SQLException {
        return new ChainRecord(rs.getString("hub_id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("sender"), rs.getString("recipient"), Jdbc.instant(rs, "received_at"), bodyDigest(rs));
    }

    private static String bodyDigest(ResultSet rs) throws SQLException {
        byte[] body;
        try {
            body = StoredBody.read(rs);
        } catch (IllegalStateException damaged) {
            // digested as it lies in the database: it then matches no seal made before the damage, and verify says so
            body = rs.getBytes("body");
        }
        return body != null ? Certificates.sha256Hex(body) : rs.getString("archived_sha256");
    }

    /** The party whose chain this record belongs to: the sender of what came in, the recipient of what went out. */
    String chainParty() {
        String party = "IN".equals(direction) ? sender : recipient;
        return party == null ? "UNIDENTIFIED" : party;
    }

    String hash(String previousHash) {
        String content = String.join("|", previousHash, hubId, direction, channel, String.valueOf(sender),
                String.valueOf(recipient), String.valueOf(receivedAt), bodySha256);
        return Certificates.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }
}
