package org.onewindow.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.Jdbc;

/**
 * Walks every party's chain of stored message records and recomputes each link: a record whose content was
 * altered no longer matches its hash (one whose body was deleted is named as such), a deleted record leaves a gap
 * in the positions (and breaks the next record's previous hash), and deleting the newest records leaves the chain
 * short of its head. A record whose body retention archived is checked with the body's SHA-256 kept beside it,
 * and every archive file against those: a body altered or missing in its file, or a file gone, is reported. The
 * report lists each problem with the party, position and hub id, and each chain's head hash — an operator who keeps
 * those elsewhere can also prove that nobody rewrote a whole chain.
 */
public final class VerifyMessageLog {
    private static final int PAGE = 500;

    private final Jdbc jdbc;
    private final BodyArchive archive;

    public VerifyMessageLog(Jdbc jdbc, BodyArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    /** One chain's outcome. */
    public record Chain(String party, long records, long headPosition, String headHash) {
    }

    /**
     * The whole verification: chains, records checked, records not sealed yet, records whose body is archived (and
     * checked in its archive file), and every problem found.
     */
    public record Report(List<Chain> chains, long records, long unsealed, long archived, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record Link(ChainRecord record, long position, String previousHash, String recordHash) {
    }

    private record Head(String party, long position, String hash) {
    }

    public Report verify() {
        List<Chain> chains = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long total = 0;
        for (Head head : jdbc.query("select chain_party, chain_position, record_hash from message_chain_head order by chain_party",
                rs -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)))) {
            Chain chain = verifyChain(head, problems);
            chains.add(chain);
            total += chain.records();
        }
        for (String orphan : jdbc.query("select distinct chain_party from message where chain_party is not null and chain_party "
                + "not in (select chain_party from message_chain_head)", rs -> rs.getString(1))) {
            problems.add("party " + orphan + ": sealed records exist but the chain head is gone");
        }
        long unsealed = jdbc.queryOne("select count(*) from message where chain_party is null", rs -> rs.getLong(1)).orElse(0L);
        long archived = verifyArchiveFiles(problems);
        return new Report(chains, total, unsealed, archived, problems);
    }

    /** Checks every archive file against the bodies the database says it holds; returns how many bodies were checked. */
    private long verifyArchiveFiles(List<String> problems) {
        long checked = 0;
        for (String file : jdbc.query("select distinct archive_file from archived_body order by archive_file", rs -> rs.getString(1))) {
            Map<String, String> digests = new LinkedHashMap<>();
            jdbc.query("select hub_id, body_sha256 from archived_body where archive_file = ?",
                    rs -> digests.put(rs.getString(1), rs.getString(2)), file);
            problems.addAll(archive.check(file, digests));
            checked += digests.size();
        }
        return checked;
    }

    /**
     * Walks a party's chain from its first record to its head. The sealer may link more records into the chain while
     * it is walked (it commits records and head together), so a walk that ends past the head read at the start, or
     * short of a head that has since moved on, looks again at the head and walks on to it; only a chain that ends
     * where no head is, or short of a head that stays, is reported.
     */
    private Chain verifyChain(Head start, List<String> problems) {
        Walk walk = new Walk(start.party(), problems);
        Head head = start;
        walk.onToTheEnd();
        while (!walk.endsAt(head)) {
            Head now = head(start.party()).orElse(head);
            if (now.position() <= head.position()) {
                // no sealing in between: the mismatch is in the chain
                problems.add("party " + head.party() + ": the chain ends at position " + walk.end() + " but its head is at "
                        + head.position() + " (the newest records were removed or altered)");
                break;
            }
            head = now;
            walk.onToTheEnd();
        }
        return new Chain(head.party(), walk.checked, head.position(), head.hash());
    }

    private Optional<Head> head(String party) {
        return jdbc.queryOne("select chain_party, chain_position, record_hash from message_chain_head where chain_party = ?",
                rs -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)), party);
    }

    /** Where a walk along one party's chain has got to, and what it found on the way. */
    private final class Walk {
        private final String party;
        private final List<String> problems;
        private long expectedPosition = 1;
        private String previous = ChainRecord.GENESIS;
        private long checked;

        Walk(String party, List<String> problems) {
            this.party = party;
            this.problems = problems;
        }

        long end() {
            return expectedPosition - 1;
        }

        boolean endsAt(Head head) {
            return end() == head.position() && previous.equals(head.hash());
        }

        /** Checks every record after the last one checked, to the last one sealed now. */
        void onToTheEnd() {
            for (List<Link> page = page(party, end()); !page.isEmpty(); page = page(party, end())) {
                page.forEach(this::check);
            }
        }

        private void check(Link link) {
            String where = "party " + party + " position " + link.position() + " (hub id " + link.record().hubId() + ")";
            if (link.position() != expectedPosition) {
                problems.add(where + ": records " + expectedPosition + "–" + (link.position() - 1) + " are missing");
            }
            if (!link.previousHash().equals(previous)) {
                problems.add(where + ": does not follow the record before it (a record was removed or altered)");
            }
            if (link.record().bodySha256() == null) {
                problems.add(where + ": its body is gone (the record was altered)");
            } else if (!link.record().hash(link.previousHash()).equals(link.recordHash())) {
                problems.add(where + ": its content no longer matches its hash (the record was altered)");
            }
            previous = link.recordHash();
            expectedPosition = link.position() + 1;
            checked++;
        }
    }

    private List<Link> page(String party, long afterPosition) {
        // left joins, so that a record whose body was deleted is reported as such rather than as a gap
        return jdbc.query("select " + ChainRecord.COLUMNS + ", " + ChainRecord.ARCHIVED_DIGEST + ", m.chain_position, "
                        + "m.previous_hash, m.record_hash from message m left join message_body b on b.hub_id = m.hub_id "
                        + "left join archived_body a on a.hub_id = m.hub_id where m.chain_party = ? and m.chain_position > ? "
                        + "order by m.chain_position fetch first " + PAGE + " rows only",
                rs -> new Link(ChainRecord.read(rs), rs.getLong("chain_position"), rs.getString("previous_hash"),
                        rs.getString("record_hash")),
                party, afterPosition);
    }
}
