package org.onewindow.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.onewindow.message.HubIds;
import org.onewindow.ops.HubMetrics;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.Jdbc;
import org.onewindow.store.NodeLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: moves the bodies of old messages out of the database into archive files ({@link BodyArchive}), a file
 * per batch, off the message path, one node at a time (node lock {@code archive}). A body is archived once its
 * message is sealed into the message log and neither it nor any other message of its case arrived within the
 * retention period, so a case's messages move together once the case has gone quiet. The message's row stays (its
 * status, its case, its place in its party's chain); whoever reads its body later gets it from the archive file, and
 * the log still verifies, with the body's SHA-256 kept in {@code archived_body}. The file is on disk before the
 * database points to it, and the database points to it before the bodies leave: a crash in between leaves a file
 * nobody points to (its bodies go to the next one), or bodies both in the database and in their file (archived again
 * with the next file, which the database then points to).
 */
public final class ArchiveMessageBodies implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveMessageBodies.class);
    private static final int DELETE_PER_TRANSACTION = 50;

    private final Jdbc jdbc;
    private final BodyArchive archive;
    private final NodeLock locks;
    private final Clock clock;
    private final Optional<Duration> retention;
    private final int perFile;
    private final BooleanSupplier diskFull;

    /**
     * {@code retention}: how long a body stays in the database, empty keeping every body there; {@code diskFull}: true
     * while the data directory's disk is short of space, when no archive file is written (the embedded H2 does not give
     * back the space of deleted bodies at once, so archiving would take more room, not less).
     */
    public ArchiveMessageBodies(Jdbc jdbc, BodyArchive archive, Clock clock, Optional<Duration> retention, int perFile,
                                BooleanSupplier diskFull) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.locks = new NodeLock(jdbc, clock);
        this.clock = clock;
        this.retention = retention;
        this.perFile = perFile;
        this.diskFull = diskFull;
    }

    @Override
    public void run() {
        while (archiveBatch() == perFile) {
            // a full file: more may be due
        }
    }

    /** Archives up to one file's worth of due bodies and returns how many it archived. */
    public int archiveBatch() {
        if (retention.isEmpty() || diskFull.getAsBoolean()) {
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(retention.get());
        List<BodyArchive.Archived> archived = locks.holding(NodeLock.ARCHIVE, () -> {
            List<BodyArchive.Archived> due = due(cutoff);
            if (!due.isEmpty()) {
                BodyArchive.Written file = archive.write(due, now, hubId -> jdbc.queryOne(
                        "select body from message_body where hub_id = ?", rs -> rs.getBytes(1), hubId).orElseThrow());
                for (int i = 0; i < due.size(); i++) {
                    recordArchived(due.get(i).hubId(), file.bodySha256().get(i), file.file(), now);
                }
                LOG.info("Archived {} message bodies received before {} to {}", due.size(), cutoff,
                        archive.directory().resolve(file.file()));
            }
            return due;
        });
        deleteFromDatabase(archived);
        HubMetrics.archived(archived.size());
        return archived.size();
    }

    /**
     * Points the message at its archive file. A body archived before whose deletion did not finish (a crash, or two
     * nodes one after the other) is in this file too, and now points here.
     */
    private void recordArchived(String hubId, String bodySha256, String file, Instant now) {
        if (jdbc.update("update archived_body set body_sha256 = ?, archive_file = ?, archived_at = ? where hub_id = ?",
                bodySha256, file, now, hubId) == 0) {
            jdbc.update("insert into archived_body (hub_id, body_sha256, archive_file, archived_at) values (?, ?, ?, ?)",
                    hubId, bodySha256, file, now);
        }
    }

    /**
     * Deletes the archived bodies from the database, a few at a time: the embedded H2 keeps a deleted value in its undo
     * log until the commit, and writes that log to its file with the transaction's other changes, so one transaction
     * deleting a file's worth of bodies wrote them all once more. Measured on H2 alone with 20 KB rows: 500 deletes per
     * transaction doubled the file's growth, 50 left it as without deletes, and 5,000 failed H2's commit.
     */
    private void deleteFromDatabase(List<BodyArchive.Archived> archived) {
        for (int from = 0; from < archived.size(); from += DELETE_PER_TRANSACTION) {
            List<BodyArchive.Archived> some = archived.subList(from, Math.min(archived.size(), from + DELETE_PER_TRANSACTION));
            jdbc.inTransaction(() -> {
                for (BodyArchive.Archived message : some) {
                    jdbc.update("delete from message_body where hub_id = ?", message.hubId());
                }
                return null;
            });
        }
    }

    private List<BodyArchive.Archived> due(Instant cutoff) {
        // hub ids begin with their time, so the scan of message_body ends at the cutoff's; received_at decides
        return jdbc.query("select m.hub_id, m.direction, m.channel, m.sender, m.recipient, m.received_at, m.message_type, "
                        + "m.declaration_no, m.case_id, m.syntax, m.chain_party, m.chain_position, m.previous_hash, "
                        + "m.record_hash from message_body b join message m on m.hub_id = b.hub_id "
                        + "where b.hub_id < ? and m.received_at < ? and m.chain_party is not null "
                        + "and not exists (select 1 from message n where n.case_id = m.case_id and n.received_at >= ?) "
                        + "order by b.hub_id fetch first " + perFile + " rows only",
                rs -> new BodyArchive.Archived(rs.getString("hub_id"), rs.getString("direction"), rs.getString("channel"),
                        rs.getString("sender"), rs.getString("recipient"), Jdbc.instant(rs, "received_at"),
                        rs.getString("message_type"), rs.getString("declaration_no"), rs.getString("case_id"),
                        rs.getString("syntax"), rs.getString("chain_party"), rs.getLong("chain_position"),
                        rs.getString("previous_hash"), rs.getString("record_hash")),
                HubIds.earliestAt(cutoff.toEpochMilli()), cutoff, cutoff);
    }
}
