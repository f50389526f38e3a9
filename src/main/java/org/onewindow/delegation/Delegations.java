package org.onewindow.delegation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.onewindow.store.Jdbc;

/**
 * The delegation operations of the CPT's online delegation system (線上委任): an importer grants (WJA01 for one
 * declaration, WJA02 long-term up to the configured maximum), the named broker accepts or refuses once (WJA03),
 * either side lists its own (WJA04 importer, WJA05 broker), the importer revokes. A party sees only delegations it
 * is the importer or broker of: anything else is "not found" (404), so no one learns of another's delegations.
 * Each change and its e-mail notice are written in one transaction.
 */
public final class Delegations {
    private final Jdbc jdbc;
    private final DelegationStore store;
    private final DelegationNotices notices;
    private final DelegationSettings settings;
    private final Clock clock;

    public Delegations(Jdbc jdbc, DelegationStore store, DelegationNotices notices, DelegationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    /** WJA01 / WJA02: the importer (the caller) offers the broker a delegation. */
    public Delegation grant(String importer, GrantRequest request) {
        if (request.broker().equals(importer)) {
            throw DelegationProblem.badRequest("An importer acts for itself; name another party as 'broker'");
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate from = request.validFrom() == null ? today : request.validFrom();
        if (request.scope() == Delegation.Scope.LONG_TERM) {
            checkPeriod(today, from, request.validUntil());
        }
        Delegation d = new Delegation(UUID.randomUUID().toString(), importer, request.broker(), request.scope(),
                request.declarationNo(), request.scope() == Delegation.Scope.LONG_TERM ? from : null, request.validUntil(),
                Delegation.State.OFFERED, null, clock.instant(), null, null);
        return jdbc.inTransaction(() -> {
            store.insert(d);
            notices.granted(d);
            return store.find(d.id()).orElseThrow(); // as stored, timestamps at the database's precision
        });
    }

    private void checkPeriod(LocalDate today, LocalDate from, LocalDate until) {
        if (from.isBefore(today)) {
            throw DelegationProblem.badRequest("'validFrom' " + from + " is in the past; start today (" + today + ") or later");
        }
        if (until.isBefore(from)) {
            throw DelegationProblem.badRequest("'validUntil' " + until + " is before 'validFrom' " + from);
        }
        LocalDate latest = from.plus(settings.maxLongTerm());
        if (until.isAfter(latest)) {
            throw DelegationProblem.badRequest("A long-term delegation may last at most " + settings.maxLongTerm()
                    + ": 'validUntil' must be " + latest + " or earlier");
        }
    }

    /** WJA03: the broker named in the delegation accepts or refuses it, once. */
    public Delegation answer(String broker, String id, boolean accept, String note) {
        Delegation d = visible(broker, id);
        if (!d.broker().equals(broker)) {
            throw new DelegationProblem(403, "Only broker " + d.broker() + " can answer delegation " + id);
        }
        Delegation.State answer = accept ? Delegation.State.ACCEPTED : Delegation.State.REFUSED;
        return jdbc.inTransaction(() -> {
            if (!store.answer(id, answer, note)) {
                throw new DelegationProblem(409, "Delegation " + id + " is " + store.find(id).orElseThrow().state()
                        + " already; only an OFFERED delegation can be answered");
            }
            Delegation answered = store.find(id).orElseThrow();
            notices.answered(answered);
            return answered;
        });
    }

    /** The importer withdraws an offered or accepted delegation; the broker may no longer act on it. */
    public Delegation revoke(String importer, String id) {
        Delegation d = visible(importer, id);
        if (!d.importer().equals(importer)) {
            throw new DelegationProblem(403, "Only importer " + d.importer() + " can revoke delegation " + id);
        }
        return jdbc.inTransaction(() -> {
            if (!store.revoke(id)) {
                throw new DelegationProblem(409, "Delegation " + id + " is " + store.find(id).orElseThrow().state()
                        + "; only an OFFERED or ACCEPTED delegation can be revoked");
            }
            Delegation revoked = store.find(id).orElseThrow();
            notices.revoked(revoked);
            return revoked;
        });
    }

    /** WJA04 ({@code importer}: the delegations it gave) or WJA05 ({@code broker}: those it was given). */
    public List<Delegation> list(String party, String as) {
        if (!"importer".equals(as) && !"broker".equals(as)) {
            throw DelegationProblem.badRequest("Query with ?as=importer (WJA04, the delegations you gave) "
                    + "or ?as=broker (WJA05, those given to you)");
        }
        return store.ofParty(as, party);
    }

    /** One delegation, if the party is its importer or broker. */
    public Delegation visible(String party, String id) {
        return store.find(id).filter(d -> d.importer().equals(party) || d.broker().equals(party))
                .orElseThrow(() -> DelegationProblem.notFound(id));
    }
}
