package org.onewindow.cli;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.DocumentSigner;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.XmlSigner;

/**
 * Who the tester commands act as: the API token ({@code ONEWINDOW_TOKEN}, or the system property
 * {@code onewindow.cli.token}) and the key that signs each message before it is sent ({@code ONEWINDOW_KEY}, a
 * PKCS#12 file, password {@code ONEWINDOW_KEY_PASSWORD} or {@code changeit}; or the matching
 * {@code onewindow.cli.*} system properties). The demo writes both for every party under {@code data/demo/}.
 */
record CallerCredentials(Optional<String> token, Optional<DocumentSigner> signer) {

    static CallerCredentials fromEnvironment() {
        Optional<String> token = tokenFromEnvironment();
        Optional<DocumentSigner> signer = setting("ONEWINDOW_KEY", "onewindow.cli.key").map(file -> {
            String password = setting("ONEWINDOW_KEY_PASSWORD", "onewindow.cli.key-password").orElse("changeit");
            try {
                return DocumentSigner.with(new XmlSigner(KeyMaterial.fromPkcs12(Path.of(file), password.toCharArray())));
            } catch (Exception e) {
                throw new IllegalArgumentException("Cannot read the signing key " + file + ": " + e.getMessage(), e);
            }
        });
        return new CallerCredentials(token, signer);
    }

    /** The caller's API token from {@code ONEWINDOW_TOKEN} or {@code onewindow.cli.token}. */
    static Optional<String> tokenFromEnvironment() {
        return setting("ONEWINDOW_TOKEN", "onewindow.cli.token");
    }

    /** The message signed with the caller's key; unchanged without a key or when it is not XML. */
    byte[] sign(byte[] xml) {
        if (signer.isEmpty()) {
            return xml;
        }
        try {
            return signer.get().signedBytes(SecureXml.documentBuilderFactory().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml)));
        } catch (Exception notXml) {
            return xml; // the hub answers what is wrong with it
        }
    }

    private static Optional<String> setting(String environment, String property) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
