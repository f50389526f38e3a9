package org.onewindow.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * A private key with its certificate chain, the signer's certificate first.
 *
 * <p>Read from a PKCS#12 file with its password (the first key entry), or from an unencrypted PEM private
 * key (PKCS#8 {@code PRIVATE KEY}, or {@code RSA}/{@code EC PRIVATE KEY}) and a PEM certificate file; written
 * as PKCS#12 and as a PEM certificate chain. Demo material uses the password {@value #DEMO_PASSWORD}.
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    /** The password of demo key stores unless another one is given. */
    public static final String DEMO_PASSWORD = "changeit";

    private static final String ALIAS = "onewindow";

    public KeyMaterial {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("Key material needs at least the signer's certificate");
        }
        chain = List.copyOf(chain);
    }

    /** The certificate of {@link #privateKey()}: the first of the chain. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The first key entry of a PKCS#12 file, whose key is protected by the file's password. */
    public static KeyMaterial fromPkcs12(Path file, char[] password) throws KeyMaterialException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                        return new KeyMaterial(privateKey, List.of(chain).stream().map(X509Certificate.class::cast).toList());
                    }
                }
            }
            throw new KeyMaterialException(file + ": holds no private key with a certificate");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyMaterialException(file + ": wrong password", e);
            }
            throw unreadable(file, "not a PKCS#12 key store", e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new KeyMaterialException(file + ": cannot read the key entry: " + e.getMessage(), e);
        }
    }

    /** An unencrypted PEM private key and the PEM certificates that go with it, the key's own first. */
    public static KeyMaterial fromPem(Path privateKeyFile, Path certificateFile) throws KeyMaterialException {
        PrivateKey key = pemPrivateKey(privateKeyFile);
        List<X509Certificate> chain;
        try (InputStream in = Files.newInputStream(certificateFile)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw unreadable(certificateFile, "", e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(certificateFile + ": not a PEM certificate file: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new KeyMaterialException(certificateFile + ": holds no certificate");
        }
        return new KeyMaterial(key, chain);
    }

    private static PrivateKey pemPrivateKey(Path file) throws KeyMaterialException {
        Object pem;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            pem = parser.readObject();
        } catch (IOException e) {
            throw unreadable(file, "not a PEM file", e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new KeyMaterialException(file + ": cannot read the private key: " + e.getMessage(), e);
        }
        throw new KeyMaterialException(file + ": holds no unencrypted private key (PRIVATE KEY, RSA or EC PRIVATE KEY);"
                + " use a PKCS#12 file for a password-protected key");
    }

    /** Writes the key and chain as a PKCS#12 file protected by {@code password}, creating parent folders. */
    public void writePkcs12(Path file, char[] password) throws KeyMaterialException {
        try {
            createParent(file);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw unreadable(file, "", e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(file + ": cannot write the key store: " + e.getMessage(), e);
        }
    }

    /** Writes the certificate chain as PEM, the signer's certificate first, creating parent folders. */
    public void writeCertificatePem(Path file) throws KeyMaterialException {
        try {
            createParent(file);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                for (X509Certificate certificate : chain) {
                    pem.writeObject(certificate);
                }
            }
        } catch (IOException e) {
            throw unreadable(file, "", e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static KeyMaterialException unreadable(Path file, String otherwise, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (!otherwise.isEmpty()) {
            reason = otherwise;
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return new KeyMaterialException(file + ": " + reason, e);
    }
}
