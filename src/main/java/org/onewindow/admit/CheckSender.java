package org.onewindow.admit;

import java.time.Clock;
import java.util.Optional;
import org.onewindow.delegation.CheckSenderMayAct;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.MessageKeys;
import org.onewindow.party.Party;
import org.onewindow.party.PartyKind;
import org.onewindow.reply.Rejection;
import org.onewindow.store.CaseStore;
import org.onewindow.store.TradeCase;

/**
 * Applies the delegation rule of {@link CheckSenderMayAct} (T310) to a trader's message at receipt: the importer
 * is the one the message names ({@code Importer/ID} of NX5105, NX601, NX301_DN, NX401), or for a withdrawal
 * (NX5105D names no importer) the importer of the case it withdraws. A broker must also file under its own box:
 * characters 7 to 9 of a declaration number are the filing broker's box id (T311).
 */
public final class CheckSender {
    private static final int DECLARATION_NO_LENGTH = 14;
    /** Office (2) + transfer office or blanks (2) + year (2), then the box (3), then the serial (5). */
    private static final int BOX_START = 6;
    private static final int BOX_END = 9;
    private final CheckSenderMayAct rule;
    private final CaseStore cases;
    private final Clock clock;

    public CheckSender(CheckSenderMayAct rule, CaseStore cases, Clock clock) {
        this.rule = rule;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * @param registered the sender's registry record, when its signature named it (null where signatures are relaxed)
     */
    public Optional<Rejection> check(String sender, Party registered, MessageKeys keys) {
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
        Optional<Rejection> delegation = rule.check(sender, importer, keys.declarationNo(), clock.instant());
        return delegation.isPresent() ? delegation : brokerBox(registered, keys.declarationNo());
    }

    /** A broker's declaration must carry its box; a number of the wrong shape is left to rule B101. */
    private static Optional<Rejection> brokerBox(Party sender, String declarationNo) {
        if (sender == null || sender.kind() != PartyKind.BROKER || sender.boxId() == null || declarationNo == null
                || declarationNo.length() != DECLARATION_NO_LENGTH) {
            return Optional.empty();
        }
        String box = declarationNo.substring(BOX_START, BOX_END);
        if (box.equalsIgnoreCase(sender.boxId())) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(ErrorCode.BROKER_BOX_MISMATCH, "Declaration " + declarationNo + " names box " + box
                + "; broker " + sender.partyId() + " files under box " + sender.boxId()));
    }
}
