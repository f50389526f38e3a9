package org.onewindow.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks on a signer certificate that do not depend on who sent the message.
 *
 * <p>Rule: a certificate is usable at an instant that lies within its validity period, both ends
 * included. Who owns the certificate and whether it is revoked is the party registry's business.
 */
public final class CertificateCheck {

    private CertificateCheck() {
    }

    /**
     * Empty when {@code at} lies within the certificate's validity period, otherwise one readable
     * sentence such as {@code the certificate CN=12345675 (serial 1f…) expired at 2026-01-01T00:00:00Z}.
     */
    public static Optional<String> validityProblem(X509Certificate certificate, Instant at) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (at.isBefore(notBefore)) {
            return Optional.of("the certificate " + describe(certificate) + " is not valid before " + notBefore);
        }
        if (at.isAfter(notAfter)) {
            return Optional.of("the certificate " + describe(certificate) + " expired at " + notAfter);
        }
        return Optional.empty();
    }

    /** The certificate's subject and serial number in hex, for messages and logs. */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16) + ")";
    }
}
