package org.onewindow.trust;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The trust settings ({@code onewindow.trust.*}, {@code onewindow.parties.*}), documented with their defaults in
 * {@code application.properties}.
 *
 * @param signaturesRequired false only in test or benchmark profiles: inbound signatures are then not verified
 *                           and nothing outbound is signed (logged loudly at start)
 * @param hubKey             the hub's PKCS#12 signing key; created (with a local CA) at first start when missing
 * @param hubKeyPassword     its password
 * @param hubKeyType         the key type created at first start: ec (default, cheapest to sign) or rsa
 * @param partiesFile        parties registered at first start, when the registry is empty (CSV; empty: none)
 * @param demoCredentials    whether first start also issues a key, certificate and API token for every
 *                           bootstrapped party and writes them under {@code <data-dir>/demo/} (demo profile)
 */
public record TrustSettings(boolean signaturesRequired, Path hubKey, String hubKeyPassword, KeyType hubKeyType,
                            String partiesFile, boolean demoCredentials, Path dataDir) {

    public static TrustSettings from(CamelContext context, Path dataDir) {
        PropertiesComponent p = context.getPropertiesComponent();
        String hubKey = get(p, "onewindow.trust.hub-key", "");
        return new TrustSettings(
                !"relaxed".equalsIgnoreCase(get(p, "onewindow.trust.signatures", "required")),
                hubKey.isEmpty() ? dataDir.resolve("pki").resolve("hub.p12") : Path.of(hubKey),
                get(p, "onewindow.trust.hub-key-password", "changeit"),
                KeyType.fromName(get(p, "onewindow.trust.hub-key-type", "ec")),
                get(p, "onewindow.parties.bootstrap", ""),
                Boolean.parseBoolean(get(p, "onewindow.parties.demo-credentials", "false")),
                dataDir);
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }

    /** Where the local CA that issued the hub's key (and the demo parties' keys) is kept. */
    public Path caFile() {
        return hubKey.resolveSibling("ca.p12");
    }

    /** Where demo credentials are written: {@code <party>.p12}, {@code <party>.pem}, {@code <party>.token}. */
    public Path demoDir() {
        return dataDir.resolve("demo");
    }
}
