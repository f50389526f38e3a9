package org.onewindow.trust;

import java.security.Key;
import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider computes a signature value. ECDSA goes to BouncyCastle: on Java 17, signing with SunEC took 0.54 ms
 * and BouncyCastle 0.25 ms on P-256, verifying 1.03 ms against 0.20 ms (the hub signs and verifies every message it
 * sends and takes; {@code docs/signatures.md}). RSA stays with the JDK, which is faster there. The provider is used by
 * instance, never registered globally, so nothing else in the JVM changes.
 */
final class SignatureProviders {
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private SignatureProviders() {
    }

    /** The provider for a signature with this key (private to sign, public to verify); null: the JDK's default. */
    static Provider forKey(Key key) {
        return "EC".equals(key.getAlgorithm()) ? BOUNCY_CASTLE : null;
    }
}
