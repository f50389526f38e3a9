package org.onewindow.party;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Per-party API tokens: 32 random bytes, shown once when issued; the registry keeps only their SHA-256, so a
 * copy of the database does not let anyone call the API.
 */
public final class ApiTokens {
    private static final String PREFIX = "ow_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    public static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        return Certificates.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
