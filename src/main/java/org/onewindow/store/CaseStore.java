package org.onewindow.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cases, their agency applications and their history. Every state change goes through
 * {@link #moveCase} or {@link #moveApplication}, which store the transition with its time and the
 * hub id of the message that caused it. Claims ({@link #claimFirstVerdict}, {@link #claimMergedAck},
 * {@link #claimSilenceReport}) are conditional updates, so on many nodes exactly one wins.
 */
public final class CaseStore {
    private static final String CASE_COLUMNS = "case_id, declaration_no, kind, submitter, importer, channel, state, merged_ack, customs_selection, "
            + "declaration_hub_id, verdict_due_at, created_at, updated_at, test_mode";
    private static final String APPLICATION_COLUMNS = "case_id, agency, message_type, application_ref, item_numbers, state, "
            + "first_verdict, verdict_codes, silence_reported, updated_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public CaseStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The production case of a declaration number. */
    public Optional<TradeCase> byDeclarationNo(String declarationNo) {
        return byDeclarationNo(declarationNo, false);
    }

    /** The case of a declaration number in production or ({@code test}) in the connection-test world. */
    public Optional<TradeCase> byDeclarationNo(String declarationNo, boolean test) {
        return jdbc.queryOne("select " + CASE_COLUMNS + " from trade_case where declaration_no = ? and test_mode = ?",
                CaseStore::mapCase, declarationNo, test);
    }

    /**
     * Locks a case's row until the transaction ends, so that the work on one case — replies that arrive
     * together, a replacement — happens one at a time on every node; returns the case as it is now.
     */
    public Optional<TradeCase> lock(String caseId) {
        jdbc.query("select case_id from trade_case where case_id = ? for update", rs -> rs.getString(1), caseId);
        return byId(caseId);
    }

    public Optional<TradeCase> byId(String caseId) {
        return jdbc.queryOne("select " + CASE_COLUMNS + " from trade_case where case_id = ?", CaseStore::mapCase, caseId);
    }

    /** Opens a case in state SUBMITTED and records that first transition. */
    public void open(TradeCase c) {
        Instant now = clock.instant();
        jdbc.update("insert into trade_case (" + CASE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, 'SUBMITTED', null, null, ?, ?, ?, ?, ?)",
                c.caseId(), c.declarationNo(), c.kind(), c.submitter(), c.importer(), c.channel(), c.declarationHubId(),
                c.verdictDueAt(), now, now, c.test());
        event(c.caseId(), null, null, "SUBMITTED", c.declarationHubId(), now);
    }

    /**
     * Restarts a case for a replacement declaration (FunctionCode 5): its applications are dropped so
     * the replacement's are added afresh, and a new merged acknowledgement will be due.
     */
    public void restart(String caseId, String declarationHubId, Instant verdictDueAt) {
        Instant now = clock.instant();
        String from = state(caseId);
        jdbc.update("delete from agency_application where case_id = ?", caseId);
        jdbc.update("update trade_case set state = 'SUBMITTED', merged_ack = null, customs_selection = null, declaration_hub_id = ?, verdict_due_at = ?, "
                + "updated_at = ? where case_id = ?", declarationHubId, verdictDueAt, now, caseId);
        event(caseId, null, from, "SUBMITTED", declarationHubId, now);
    }

    /** Adds an agency application in state SUBMITTED. */
    public void addApplication(String caseId, String agency, String messageType, String applicationRef, String itemNumbers,
                               String hubId) {
        Instant now = clock.instant();
        jdbc.update("insert into agency_application (" + APPLICATION_COLUMNS + ") values (?, ?, ?, ?, ?, 'SUBMITTED', null, null, false, ?)",
                caseId, agency, messageType, applicationRef, itemNumbers, now);
        event(caseId, agency, null, "SUBMITTED", hubId, now);
    }

    public List<AgencyApplication> applications(String caseId) {
        return jdbc.query("select " + APPLICATION_COLUMNS + " from agency_application where case_id = ? order by agency",
                CaseStore::mapApplication, caseId);
    }

    public Optional<AgencyApplication> application(String caseId, String agency) {
        return jdbc.queryOne("select " + APPLICATION_COLUMNS + " from agency_application where case_id = ? and agency = ?",
                CaseStore::mapApplication, caseId, agency);
    }

    /** Moves the declaration forward to a new state; a move back or to where it is already is ignored. */
    public void moveCase(String caseId, String toState, String hubId) {
        String from = state(caseId);
        if (!States.declarationMovesForward(from, toState)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("update trade_case set state = ?, updated_at = ? where case_id = ?", toState, now, caseId);
        event(caseId, null, from, toState, hubId, now);
    }

    /** Moves an application forward to a new state; a move back or to where it is already is ignored. */
    public void moveApplication(String caseId, String agency, String toState, String hubId) {
        String from = application(caseId, agency).map(AgencyApplication::state).orElse(null);
        if (!States.applicationMovesForward(from, toState)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("update agency_application set state = ?, updated_at = ? where case_id = ? and agency = ?",
                toState, now, caseId, agency);
        event(caseId, agency, from, toState, hubId, now);
    }

    /** Records an agency's first verdict; false when it had already given one. */
    public boolean claimFirstVerdict(String caseId, String agency, String verdict, String codes) {
        return jdbc.update("update agency_application set first_verdict = ?, verdict_codes = ?, updated_at = ? "
                + "where case_id = ? and agency = ? and first_verdict is null", verdict, codes, clock.instant(), caseId, agency) > 0;
    }

    /** Claims the one merged acknowledgement of a case; false when it was already sent. */
    public boolean claimMergedAck(String caseId, String yesOrNo) {
        return jdbc.update("update trade_case set merged_ack = ?, updated_at = ? where case_id = ? and merged_ack is null",
                yesOrNo, clock.instant(), caseId) > 0;
    }

    /** Notes customs' selection (C1, C2, C3) for the case. */
    public void recordSelection(String caseId, String selection) {
        jdbc.update("update trade_case set customs_selection = ?, updated_at = ? where case_id = ?", selection, clock.instant(), caseId);
    }

    /** Applications still without a first verdict whose case's deadline has passed and were not yet reported. */
    public List<AgencyApplication> silentPastDeadline(Instant now) {
        return jdbc.query("select a." + APPLICATION_COLUMNS.replace(", ", ", a.") + " from agency_application a "
                        + "join trade_case c on c.case_id = a.case_id "
                        + "where a.first_verdict is null and a.silence_reported = false and c.verdict_due_at < ? "
                        + "and a.state = 'SUBMITTED'",
                CaseStore::mapApplication, now);
    }

    /** Claims the one silence report for an application; false when another node already made it. */
    public boolean claimSilenceReport(String caseId, String agency) {
        return jdbc.update("update agency_application set silence_reported = true, updated_at = ? "
                + "where case_id = ? and agency = ? and silence_reported = false", clock.instant(), caseId, agency) > 0;
    }

    public List<CaseEvent> events(String caseId) {
        return jdbc.query("select event_id, case_id, agency, from_state, to_state, hub_id, occurred_at from case_event "
                        + "where case_id = ? order by event_id",
                rs -> new CaseEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Jdbc.instant(rs, "occurred_at")), caseId);
    }

    private String state(String caseId) {
        return jdbc.queryOne("select state from trade_case where case_id = ?", rs -> rs.getString(1), caseId).orElse(null);
    }

    private void event(String caseId, String agency, String from, String to, String hubId, Instant at) {
        jdbc.update("insert into case_event (case_id, agency, from_state, to_state, hub_id, occurred_at) values (?, ?, ?, ?, ?, ?)",
                caseId, agency, from, to, hubId, at);
    }

    private static TradeCase mapCase(ResultSet rs) throws SQLException {
        return new TradeCase(rs.getString("case_id"), rs.getString("declaration_no"), rs.getString("kind"),
                rs.getString("submitter"), rs.getString("importer"), rs.getString("channel"), rs.getString("state"),
                rs.getString("merged_ack"), rs.getString("customs_selection"), rs.getString("declaration_hub_id"), Jdbc.instant(rs, "verdict_due_at"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), rs.getBoolean("test_mode"));
    }

    private static AgencyApplication mapApplication(ResultSet rs) throws SQLException {
        return new AgencyApplication(rs.getString("case_id"), rs.getString("agency"), rs.getString("message_type"),
                rs.getString("application_ref"), rs.getString("item_numbers"), rs.getString("state"),
                rs.getString("first_verdict"), rs.getString("verdict_codes"), rs.getBoolean("silence_reported"),
                Jdbc.instant(rs, "updated_at"));
    }
}
