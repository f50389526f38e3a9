package org.onewindow.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.onewindow.party.Certificates;
import org.onewindow.store.Jdbc;

/**
 * The parts of a stored message record that the tamper-evident chain protects — who sent it to whom, over
 * which channel, when, and the exact bytes — and the hash that links it to the record before it in its
 * party's chain: {@code SHA-256(previous hash | hub id | direction | channel | sender | recipient | received
 * at | SHA-256(body))}. Fields that legitimately change after storage (status, error, case) are not covered.
 */
record ChainRecord(String hubId, String direction, String channel, String sender, String recipient, Instant receivedAt,
                   byte[] body) {
    /** The previous hash of a party's first record. */
    static final String GENESIS = "0".repeat(64);
    /** What {@link #read} reads, from {@code message m} joined with its body, {@code message_body b}. */
    static final String COLUMNS = "m.hub_id, m.direction, m.channel, m.sender, m.recipient, m.received_at, b.body";

    static ChainRecord read(ResultSet rs) throws SQLException {
        return new ChainRecord(rs.getString("hub_id"), rs.getString("direction"), rs.getString("channel"),
                rs.getString("sender"), rs.getString("recipient"), Jdbc.instant(rs, "received_at"), rs.getBytes("body"));
    }

    /** The party whose chain this record belongs to: the sender of what came in, the recipient of what went out. */
    String chainParty() {
        String party = "IN".equals(direction) ? sender : recipient;
        return party == null ? "UNIDENTIFIED" : party;
    }

    String hash(String previousHash) {
        String content = String.join("|", previousHash, hubId, direction, channel, String.valueOf(sender),
                String.valueOf(recipient), String.valueOf(receivedAt), Certificates.sha256Hex(body));
        return Certificates.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }
}
