package org.onewindow.trust;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider computes a signature value, and with which key object. ECDSA goes to BouncyCastle, RSA stays with
 * the JDK, which is faster there. The provider is used by instance, never registered globally, so nothing else in the
 * JVM changes.
 *
 * <p>BouncyCastle is fast only with its own key objects. Handed the JDK's (a key read from a PKCS#12 file, a
 * certificate's public key), it converts the curve's parameters at every operation and so computes its tables for the
 * curve's base point again each time. On Java 17, P-256, warmed up: signing 170 µs with the JDK's key object against
 * 55 µs with one converted once ({@link #signingKey}), verifying 140 against 55 µs ({@link #verifyingKey}); SunEC
 * itself took 410 and 850 µs ({@code docs/signatures.md}).
 */
final class SignatureProviders {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private SignatureProviders() {
    }

    /** The provider for a signature with this key (private to sign, public to verify); null: the JDK's default. */
    static Provider forKey(Key key) {
        return isEc(key) ? BOUNCY_CASTLE : null;
    }

    /** The key to sign with: an EC key as BouncyCastle's own object, any other as it is. */
    static PrivateKey signingKey(PrivateKey key) {
        return isEc(key) ? (PrivateKey) translated(key) : key;
    }

    /** The key to verify with: an EC key as BouncyCastle's own object, any other as it is. */
    static PublicKey verifyingKey(PublicKey key) {
        return isEc(key) ? (PublicKey) translated(key) : key;
    }

    private static boolean isEc(Key key) {
        return "EC".equals(key.getAlgorithm());
    }

    private static Key translated(Key key) {
        try {
            return KeyFactory.getInstance("EC", BOUNCY_CASTLE).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("BouncyCastle cannot read the EC key: " + e.getMessage(), e);
        }
    }
}
