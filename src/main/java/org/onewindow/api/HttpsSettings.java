package org.onewindow.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The HTTPS listener's settings ({@code onewindow.https.*}, documented with their defaults in
 * {@code application.properties}).
 *
 * @param port               the HTTPS port; empty: no HTTPS listener
 * @param hosts              the names and addresses the server certificate the hub makes for itself names
 * @param keyStore           the server's PKCS#12 key and certificate; empty: made at first start by the local CA
 * @param keyStorePassword   its password
 * @param trustStore         PKCS#12 of the certificate authorities whose client certificates are accepted; empty: the
 *                           local CA only (which issues the demo parties' keys)
 * @param trustStorePassword its password
 * @param clientCertificateRequired true: a connection without a client certificate is refused in the handshake;
 *                           false (default): one is asked for, and a caller without one may still use its API token
 */
public record HttpsSettings(Optional<Integer> port, List<String> hosts, Path keyStore, String keyStorePassword,
                            Optional<Path> trustStore, String trustStorePassword, boolean clientCertificateRequired) {

    public static HttpsSettings from(CamelContext context, Path dataDir, String defaultPassword) {
        PropertiesComponent p = context.getPropertiesComponent();
        String port = get(p, "onewindow.https.port", "");
        String keyStore = get(p, "onewindow.https.key-store", "");
        String trustStore = get(p, "onewindow.https.trust-store", "");
        return new HttpsSettings(
                port.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(port)),
                List.of(get(p, "onewindow.https.hosts", "localhost,127.0.0.1").split("\\s*,\\s*")),
                keyStore.isEmpty() ? dataDir.resolve("pki").resolve("https.p12") : Path.of(keyStore),
                get(p, "onewindow.https.key-store-password", defaultPassword),
                trustStore.isEmpty() ? Optional.empty() : Optional.of(Path.of(trustStore)),
                get(p, "onewindow.https.trust-store-password", defaultPassword),
                "need".equalsIgnoreCase(get(p, "onewindow.https.client-certificate", "want")));
    }

    /** The setting, or {@code fallback} when it is missing or empty. */
    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
    }
}
