package org.onewindow.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onewindow.store.Jdbc;

/** The party registry's tables: parties, their certificates and API token hashes, and the audit of changes. */
public final class PartyStore {
    private static final String PARTY_COLUMNS =
            "party_id, kind, name, box_id, email, reply_channel, admin, active, created_at, updated_at";
    private static final String CERTIFICATE_COLUMNS =
            "fingerprint, party_id, subject, serial, not_before, not_after, revoked_at, revocation_note, pem";

    private final Jdbc jdbc;
    private final Clock clock;

    public PartyStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audited change: who did what to which party, with the record before and after (JSON, or null). */
    public record AuditEntry(String partyId, String actor, String action, String before, String after, Instant at) {
    }

    public void insert(Party p) {
        jdbc.update("insert into party (" + PARTY_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.partyId(), p.kind().name(), p.name(), p.boxId(), p.email(), p.replyChannel(), p.admin(), p.active(),
                p.createdAt(), p.updatedAt());
    }

    public void update(Party p) {
        jdbc.update("update party set name = ?, box_id = ?, email = ?, reply_channel = ?, admin = ?, active = ?, updated_at = ? "
                + "where party_id = ?", p.name(), p.boxId(), p.email(), p.replyChannel(), p.admin(), p.active(), p.updatedAt(),
                p.partyId());
    }

    public Optional<Party> find(String partyId) {
        return jdbc.queryOne("select " + PARTY_COLUMNS + " from party where party_id = ?", PartyStore::party, partyId);
    }

    /** Locks the party's row until the caller's transaction ends, so concurrent changes are audited in order. */
    public Optional<Party> lock(String partyId) {
        return jdbc.queryOne("select " + PARTY_COLUMNS + " from party where party_id = ? for update", PartyStore::party, partyId);
    }

    public List<Party> all() {
        return jdbc.query("select " + PARTY_COLUMNS + " from party order by party_id", PartyStore::party);
    }

    public boolean isEmpty() {
        return jdbc.queryOne("select count(*) from party", rs -> rs.getLong(1)).orElse(0L) == 0;
    }

    public Optional<Party> byTokenHash(String tokenHash) {
        return jdbc.queryOne("select " + PARTY_COLUMNS + " from party where token_hash = ?", PartyStore::party, tokenHash);
    }

    public void setTokenHash(String partyId, String tokenHash) {
        jdbc.update("update party set token_hash = ?, updated_at = ? where party_id = ?", tokenHash, clock.instant(), partyId);
    }

    public void addCertificate(PartyCertificate c) {
        jdbc.update("insert into party_certificate (" + CERTIFICATE_COLUMNS + ", added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.fingerprint(), c.partyId(), c.subject(), c.serial(), c.notBefore(), c.notAfter(), c.revokedAt(),
                c.revocationNote(), c.pem(), clock.instant());
    }

    public Optional<PartyCertificate> certificate(String fingerprint) {
        return jdbc.queryOne("select " + CERTIFICATE_COLUMNS + " from party_certificate where fingerprint = ?",
                PartyStore::certificate, fingerprint);
    }

    public List<PartyCertificate> certificates(String partyId) {
        return jdbc.query("select " + CERTIFICATE_COLUMNS + " from party_certificate where party_id = ? order by not_before",
                PartyStore::certificate, partyId);
    }

    /** Revokes a certificate from the given time on; false when it was unknown or already revoked. */
    public boolean revoke(String fingerprint, Instant at, String note) {
        return jdbc.update("update party_certificate set revoked_at = ?, revocation_note = ? where fingerprint = ? and revoked_at is null",
                at, note, fingerprint) > 0;
    }

    public void audit(String partyId, String actor, String action, String before, String after) {
        jdbc.update("insert into party_audit (party_id, actor, action, before_state, after_state, occurred_at) values (?, ?, ?, ?, ?, ?)",
                partyId, actor, action, before, after, clock.instant());
    }

    public List<AuditEntry> auditTrail(String partyId) {
        return jdbc.query("select party_id, actor, action, before_state, after_state, occurred_at from party_audit "
                        + "where party_id = ? order by audit_id",
                rs -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Jdbc.instant(rs, "occurred_at")), partyId);
    }

    private static Party party(ResultSet rs) throws SQLException {
        return new Party(rs.getString("party_id"), PartyKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("box_id"), rs.getString("email"), rs.getString("reply_channel"), rs.getBoolean("admin"),
                rs.getBoolean("active"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }

    private static PartyCertificate certificate(ResultSet rs) throws SQLException {
        return new PartyCertificate(rs.getString("fingerprint"), rs.getString("party_id"), rs.getString("subject"),
                rs.getString("serial"), Jdbc.instant(rs, "not_before"), Jdbc.instant(rs, "not_after"),
                Jdbc.instant(rs, "revoked_at"), rs.getString("revocation_note"), rs.getString("pem"));
    }
}
