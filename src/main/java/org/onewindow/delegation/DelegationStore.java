package org.onewindow.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onewindow.store.Jdbc;

/**
 * The {@code delegation} table. State changes are conditional on the state they leave, so two answers or an
 * answer racing a revocation change a delegation once; the loser sees {@code false}.
 */
public final class DelegationStore {
    private static final String COLUMNS = "delegation_id, importer, broker, scope, declaration_no, valid_from, valid_until, "
            + "state, answer_note, created_at, answered_at, revoked_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public DelegationStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(Delegation d) {
        jdbc.update("insert into delegation (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.importer(), d.broker(), d.scope().name(), d.declarationNo(), d.validFrom(), d.validUntil(),
                d.state().name(), d.note(), d.createdAt(), d.answeredAt(), d.revokedAt(), d.createdAt());
    }

    public Optional<Delegation> find(String id) {
        return jdbc.queryOne("select " + COLUMNS + " from delegation where delegation_id = ?", DelegationStore::map, id);
    }

    /** Every delegation this importer gave this broker, newest first: what admission weighs. */
    public List<Delegation> between(String importer, String broker) {
        return jdbc.query("select " + COLUMNS + " from delegation where importer = ? and broker = ? order by created_at desc",
                DelegationStore::map, importer, broker);
    }

    /** The delegations in which the party is the importer ({@code importer}) or the broker ({@code broker}), newest first. */
    public List<Delegation> ofParty(String column, String party) {
        String where = switch (column) {
            case "importer" -> "importer = ?";
            case "broker" -> "broker = ?";
            default -> throw new IllegalArgumentException(column);
        };
        return jdbc.query("select " + COLUMNS + " from delegation where " + where + " order by created_at desc",
                DelegationStore::map, party);
    }

    /** OFFERED → ACCEPTED or REFUSED with the broker's note; false when it was no longer offered. */
    public boolean answer(String id, Delegation.State answer, String note) {
        return jdbc.update("update delegation set state = ?, answer_note = ?, answered_at = ?, updated_at = ? "
                        + "where delegation_id = ? and state = 'OFFERED'",
                answer.name(), note, clock.instant(), clock.instant(), id) == 1;
    }

    /** OFFERED or ACCEPTED → REVOKED; false when it was refused or revoked already. */
    public boolean revoke(String id) {
        return jdbc.update("update delegation set state = 'REVOKED', revoked_at = ?, updated_at = ? "
                        + "where delegation_id = ? and state in ('OFFERED', 'ACCEPTED')",
                clock.instant(), clock.instant(), id) == 1;
    }

    private static Delegation map(ResultSet rs) throws SQLException {
        return new Delegation(
                rs.getString("delegation_id"),
                rs.getString("importer"),
                rs.getString("broker"),
                Delegation.Scope.valueOf(rs.getString("scope")),
                rs.getString("declaration_no"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                Delegation.State.valueOf(rs.getString("state")),
                rs.getString("answer_note"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "answered_at"),
                Jdbc.instant(rs, "revoked_at"));
    }
}
