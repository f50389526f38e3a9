package org.onewindow.party;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.onewindow.message.ErrorCode;
import org.onewindow.reply.Rejection;

/**
 * Names the party that signed a message from the certificate in its signature, at the time the hub received
 * it. The certificate must be registered (T304), inside its validity period (T305), not revoked at that time
 * (T306), and its party active (T308). The certificate, not any header, establishes the sender.
 */
public final class IdentifySigner {
    private final PartyStore parties;

    public IdentifySigner(PartyStore parties) {
        this.parties = parties;
    }

    /** The signing party, or why the certificate does not name one. */
    public record Result(Party party, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    public Result identify(X509Certificate certificate, Instant receivedAt) {
        String fingerprint = Certificates.fingerprint(certificate);
        Optional<PartyCertificate> registered = parties.certificate(fingerprint);
        String subject = certificate.getSubjectX500Principal().getName();
        if (registered.isEmpty()) {
            return refuse(ErrorCode.CERTIFICATE_UNKNOWN, "certificate " + subject + " (SHA-256 " + fingerprint + ")");
        }
        PartyCertificate c = registered.get();
        if (receivedAt.isBefore(c.notBefore()) || receivedAt.isAfter(c.notAfter())) {
            return refuse(ErrorCode.CERTIFICATE_NOT_VALID, "certificate " + subject + " is valid from " + c.notBefore()
                    + " to " + c.notAfter() + "; the message was received at " + receivedAt);
        }
        if (c.revokedAt(receivedAt)) {
            return refuse(ErrorCode.CERTIFICATE_REVOKED, "certificate " + subject + " of party " + c.partyId()
                    + " was revoked at " + c.revokedAt() + (c.revocationNote() == null ? "" : " (" + c.revocationNote() + ")"));
        }
        Party party = parties.find(c.partyId()).orElseThrow();
        if (!party.active()) {
            return refuse(ErrorCode.PARTY_NOT_ACTIVE, "party " + party.partyId() + " is deactivated");
        }
        return new Result(party, null);
    }

    private static Result refuse(ErrorCode code, String detail) {
        return new Result(null, new Rejection(code, detail));
    }
}
