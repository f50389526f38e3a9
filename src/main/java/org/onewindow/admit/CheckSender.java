package org.onewindow.admit;

import java.time.Clock;
import java.util.Optional;
import org.onewindow.delegation.CheckSenderMayAct;
import org.onewindow.message.MessageKeys;
import org.onewindow.reply.Rejection;
import org.onewindow.store.CaseStore;
import org.onewindow.store.TradeCase;

/**
 * Applies the delegation rule of {@link CheckSenderMayAct} (T310) to a trader's message at receipt: the importer
 * is the one the message names ({@code Importer/ID} of NX5105, NX601, NX301_DN, NX401), or for a withdrawal
 * (NX5105D names no importer) the importer of the case it withdraws.
 */
public final class CheckSender {
    private final CheckSenderMayAct rule;
    private final CaseStore cases;
    private final Clock clock;

    public CheckSender(CheckSenderMayAct rule, CaseStore cases, Clock clock) {
        this.rule = rule;
        this.cases = cases;
        this.clock = clock;
    }

    public Optional<Rejection> check(String sender, MessageKeys keys) {
        if (sender == null) {
            // No sender named: the party is taken to be the importer, as before delegations existed. Once
            // signatures establish every sender this case disappears (to be revisited with the party registry).
            return Optional.empty();
        }
        String importer = keys.importer() != null ? keys.importer()
                : cases.byDeclarationNo(keys.declarationNo()).map(TradeCase::importer).orElse(null);
        if (importer == null) {
            // nobody to act for: a withdrawal of a declaration never filed is refused later (B103)
            return Optional.empty();
        }
        return rule.check(sender, importer, keys.declarationNo(), clock.instant());
    }
}
