package org.onewindow.trust;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Locale;

/** The key types OneWindow issues and signs with. */
public enum KeyType {
    /** RSA with a 2,048-bit modulus; XML signatures rsa-sha256. */
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)),
    /** EC on curve P-256 (secp256r1); XML signatures ecdsa-sha256. */
    EC_P256("EC", new ECGenParameterSpec("secp256r1"));

    private final String algorithm;
    private final AlgorithmParameterSpec parameters;

    KeyType(String algorithm, AlgorithmParameterSpec parameters) {
        this.algorithm = algorithm;
        this.parameters = parameters;
    }

    /** A fresh key pair of this type. */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate " + this + " keys", e);
        }
    }

    /** {@code rsa} or {@code ec} (any case), as on the command line. */
    public static KeyType fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rsa" -> RSA_2048;
            case "ec" -> EC_P256;
            default -> throw new IllegalArgumentException("the key type must be ec or rsa, not " + name);
        };
    }
}
