package org.onewindow.party;

import java.time.Instant;

/** A certificate registered for a party; messages it signs are that party's while it is valid and unrevoked. */
public record PartyCertificate(String fingerprint, String partyId, String subject, String serial, Instant notBefore,
                               Instant notAfter, Instant revokedAt, String revocationNote, String pem) {

    public boolean revokedAt(Instant at) {
        return revokedAt != null && !at.isBefore(revokedAt);
    }
}
