package org.onewindow.ledger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.store.Jdbc;

/**
 * Links newly stored message records into their party's hash chain, in batches, off the message path: one node
 * at a time (a row lock on {@code message_chain_sealer}), in storage order. An inbound record is sealed once
 * admission has named its sender (its status has left RECEIVED); outbound records at once. Each sealed record
 * gets its position, the previous record's hash and its own; the chain head keeps the last link, so deleting
 * the newest records is detected as well ({@link VerifyMessageLog}).
 */
public final class SealMessageLog implements Runnable {
    private final Jdbc jdbc;
    private final Clock clock;
    private final int batchSize;

    public SealMessageLog(Jdbc jdbc, Clock clock, int batchSize) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    private record Head(long position, String hash) {
    }

    @Override
    public void run() {
        while (sealBatch() == batchSize) {
            // a full batch: more may be waiting
        }
    }

    /** Seals up to one batch and returns how many records it sealed. */
    public int sealBatch() {
        return jdbc.inTransaction(() -> {
            jdbc.queryOne("select id from message_chain_sealer where id = 1 for update", rs -> rs.getInt(1));
            // the hub stores a body with its record; a record without one is left unsealed, and verify counts it
            List<ChainRecord> unsealed = jdbc.query("select " + ChainRecord.COLUMNS + " from message m "
                    + "join message_body b on b.hub_id = m.hub_id where m.chain_party is null "
                    + "and (m.direction = 'OUT' or m.status <> 'RECEIVED') "
                    + "order by m.stored_seq fetch first " + batchSize + " rows only", ChainRecord::read);
            Map<String, Head> heads = new HashMap<>();
            for (ChainRecord record : unsealed) {
                String party = record.chainParty();
                Head head = heads.computeIfAbsent(party, this::head);
                Head next = new Head(head.position() + 1, record.hash(head.hash()));
                jdbc.update("update message set chain_party = ?, chain_position = ?, previous_hash = ?, record_hash = ? "
                        + "where hub_id = ?", party, next.position(), head.hash(), next.hash(), record.hubId());
                heads.put(party, next);
            }
            heads.forEach(this::saveHead);
            jdbc.update("update message_chain_sealer set sealed_at = ? where id = 1", clock.instant());
            return unsealed.size();
        });
    }

    private Head head(String party) {
        return jdbc.queryOne("select chain_position, record_hash from message_chain_head where chain_party = ?",
                rs -> new Head(rs.getLong(1), rs.getString(2)), party).orElse(new Head(0, ChainRecord.GENESIS));
    }

    private void saveHead(String party, Head head) {
        int updated = jdbc.update("update message_chain_head set chain_position = ?, record_hash = ?, sealed_at = ? "
                + "where chain_party = ?", head.position(), head.hash(), clock.instant(), party);
        if (updated == 0) {
            jdbc.update("insert into message_chain_head (chain_party, chain_position, record_hash, sealed_at) values (?, ?, ?, ?)",
                    party, head.position(), head.hash(), clock.instant());
        }
    }
}
