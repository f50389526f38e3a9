package org.onewindow.trust;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signer certificates of recent messages, each read once together with the key that verifies its signatures
 * ({@link SignatureProviders#verifyingKey}, which is worth keeping: converting it costs more than a verification).
 * A hub hears from a few hundred parties, each signing with one certificate at a time, so nearly every message finds
 * its signer here. The cache is bounded, least recently used out first: messages signed with ever new certificates
 * cost a reading each, never memory. Safe for concurrent use.
 */
final class SignerCertificates {
    /** A certificate and the key to verify its signatures with. */
    record Signer(X509Certificate certificate, PublicKey verifyingKey) {
    }

    private final Map<String, Signer> recent;

    SignerCertificates(int capacity) {
        this.recent = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The signer of the base64 text of a {@code ds:X509Certificate}. */
    Signer of(String base64) throws CertificateException {
        synchronized (recent) {
            Signer known = recent.get(base64);
            if (known != null) {
                return known;
            }
        }
        Signer read = read(base64);
        synchronized (recent) {
            recent.put(base64, read);
        }
        return read;
    }

    private static Signer read(String base64) throws CertificateException {
        byte[] der = Base64.getMimeDecoder().decode(base64);
        // CertificateFactory instances are not documented as thread-safe: one per reading
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new Signer(certificate, SignatureProviders.verifyingKey(certificate.getPublicKey()));
    }
}
