package org.onewindow.admit;

import java.time.Instant;
import java.util.Set;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.party.IdentifySigner;
import org.onewindow.party.Party;
import org.onewindow.party.PartyKind;
import org.onewindow.reply.Rejection;

/**
 * Names the sender of a message from the certificate of its verified signature — not from any header: the
 * certificate must name an active party valid at receipt (T304–T306, T308), of a kind allowed to send the
 * message (T308), and the same party the transport authenticated, when it did (T307). Where signatures are
 * relaxed (test and benchmark profiles) the transport's sender stands, else the message's own party
 * (for example the importer of a declaration).
 */
public final class AuthenticateSender {
    private final IdentifySigner signers;

    public AuthenticateSender(IdentifySigner signers) {
        this.signers = signers;
    }

    /**
     * The sending party's id, its registry record when its signature named it ({@code registered}; null where
     * signatures are relaxed or on refusal), or why the message cannot be taken as that party's.
     */
    public record Result(String party, Party registered, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    /**
     * @param transportSender the party the channel named (authenticated HTTP caller, queue property), or null
     * @param ownParty        the party the message itself names, used only when signatures are relaxed
     * @param allowedKinds    the kinds of party that may send this message
     */
    public Result authenticate(ParsedMessage message, String transportSender, String ownParty, Instant receivedAt,
                               Set<PartyKind> allowedKinds) {
        if (message.signer() == null) {
            return new Result(transportSender != null ? transportSender : ownParty, null, null);
        }
        IdentifySigner.Result signer = signers.identify(message.signer(), receivedAt);
        if (!signer.ok()) {
            return new Result(transportSender, null, signer.rejection());
        }
        Party party = signer.party();
        if (transportSender != null && !transportSender.equals(party.partyId())) {
            return new Result(transportSender, null, new Rejection(ErrorCode.SIGNER_NOT_SENDER,
                    "signed by party " + party.partyId() + ", sent by party " + transportSender));
        }
        if (!allowedKinds.contains(party.kind())) {
            return new Result(party.partyId(), null, new Rejection(ErrorCode.PARTY_NOT_ACTIVE, "party " + party.partyId() + " is a "
                    + party.kind() + "; " + message.type().type() + " is accepted from " + allowedKinds));
        }
        return new Result(party.partyId(), party, null);
    }
}
