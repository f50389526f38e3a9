package org.onewindow.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.onewindow.message.HubIds;
import org.onewindow.ops.HubMetrics;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.Jdbc;
import org.onewindow.store.NodeLock;
import org.onewindow.store.StoredBody;
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
 * nobody points to (its bodies go to the next one, and the file is deleted at the next start), or bodies both in the
 * database and in their file (archived again with the next file, which the database then points to; the earlier file
 * is deleted once nothing points to it).
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
    private boolean leftoversRemoved;

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

    /** The bodies one file took, and the files some of them were archived to before (a run a crash cut short). */
    private record Batch(List<BodyArchive.Archived> archived, Set<String> earlierFiles) {
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
        Batch batch = locks.holding(NodeLock.ARCHIVE, () -> {
            removeLeftoversOnce();
            List<BodyArchive.Archived> due = due(cutoff);
            Set<String> earlierFiles = new HashSet<>();
            if (!due.isEmpty()) {
                BodyArchive.Written file = archive.write(due, now, hubId -> StoredBody.load(jdbc, hubId).orElseThrow());
                for (int i = 0; i < due.size(); i++) {
                    recordArchived(due.get(i).hubId(), file.bodySha256().get(i), file.file(), now).ifPresent(earlierFiles::add);
                }
                LOG.info("Archived {} message bodies received before {} to {}", due.size(), cutoff,
                        archive.directory().resolve(file.file()));
            }
            return new Batch(due, earlierFiles);
        });
        List<BodyArchive.Archived> archived = batch.archived();
        deleteFromDatabase(archived);
        // once the database points elsewhere for good: nothing points to an earlier file again
        batch.earlierFiles().forEach(this::deleteIfNothingPointsTo);
        HubMetrics.archived(archived.size());
        return archived.size();
    }

    /**
     * Once per start, before the first file: an archiving run that a crash cut short may have left a file that nothing
     * points to (its bodies stayed in the database and go into a new file). Only a crash leaves one, and a node that
     * crashed starts again, so looking once is enough.
     */
    private void removeLeftoversOnce() {
        if (leftoversRemoved) {
            return;
        }
        for (String file : archive.removeLeftovers()) {
            LOG.warn("Deleted {} from the archive directory: an archiving run that did not finish left it, and no message "
                    + "points to it", file);
        }
        leftoversRemoved = true;
    }

    /**
     * Points the message at its archive file. A body archived before whose deletion did not finish (a crash, or two
     * nodes one after the other) is in this file too, and now points here; returns the file it pointed to before.
     */
    private Optional<String> recordArchived(String hubId, String bodySha256, String file, Instant now) {
        Optional<String> before = jdbc.queryOne("select archive_file from archived_body where hub_id = ?",
                rs -> rs.getString(1), hubId);
        if (before.isPresent()) {
            jdbc.update("update archived_body set body_sha256 = ?, archive_file = ?, archived_at = ? where hub_id = ?",
                    bodySha256, file, now, hubId);
        } else {
            jdbc.update("insert into archived_body (hub_id, body_sha256, archive_file, archived_at) values (?, ?, ?, ?)",
                    hubId, bodySha256, file, now);
        }
        return before;
    }

    /** An earlier file whose every body went into a newer one holds nothing anyone reads. */
    private void deleteIfNothingPointsTo(String file) {
        if (archive.deleteIfUnreferenced(file)) {
            LOG.info("Deleted archive file {}: all of its bodies were archived again into a newer file", file);
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
