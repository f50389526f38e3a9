package org.onewindow.trust;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for demos and tests: it makes a self-signed CA certificate and issues party
 * certificates (signature keys: digitalSignature and nonRepudiation, not a CA) under it.
 *
 * <p>Not for production: its key sits in a PKCS#12 file next to the hub's data, and it keeps no record
 * of what it issued. Subjects are X.500 names such as {@code CN=12345675,O=Formosa Foods}; certificates
 * carry a random 127-bit serial and are signed SHA-256 with the CA's RSA or EC key.
 */
public final class DemoCertificateAuthority {
    private static final SecureRandom SERIALS = new SecureRandom();

    private final KeyMaterial material;

    /** The authority whose key and self-signed certificate are {@code material} (e.g. read from its PKCS#12 file). */
    public DemoCertificateAuthority(KeyMaterial material) {
        this.material = material;
    }

    /** A new authority with a fresh key and a self-signed certificate valid from now for {@code validity}. */
    public static DemoCertificateAuthority create(String subject, KeyType keyType, Duration validity) {
        KeyPair pair = keyType.generate();
        Instant now = now();
        X500Name name = x500Name(subject);
        X509Certificate certificate = certificate(name, pair.getPrivate(), pair.getPublic(), name, pair.getPublic(),
                now, now.plus(validity), true, List.of());
        return new DemoCertificateAuthority(new KeyMaterial(pair.getPrivate(), List.of(certificate)));
    }

    /** The authority's key and certificate, to store it ({@link KeyMaterial#writePkcs12}). */
    public KeyMaterial material() {
        return material;
    }

    /** The authority's own certificate, the trust anchor of what it issues. */
    public X509Certificate certificate() {
        return material.certificate();
    }

    /** A fresh key of {@code keyType} with a certificate for {@code subject} valid from now for {@code validity}. */
    public KeyMaterial issue(String subject, KeyType keyType, Duration validity) {
        Instant now = now();
        return issue(subject, keyType, now, now.plus(validity));
    }

    /**
     * A fresh key of {@code keyType} with a certificate for {@code subject} valid from {@code notBefore} to
     * {@code notAfter} (tests issue expired and not-yet-valid ones); the chain is the certificate, then the CA's.
     */
    public KeyMaterial issue(String subject, KeyType keyType, Instant notBefore, Instant notAfter) {
        return issue(subject, keyType, notBefore, notAfter, List.of());
    }

    /**
     * A key and certificate for a TLS server reached as {@code hosts} (DNS names or IP addresses, written into the
     * subject alternative names that clients check), valid from now for {@code validity}.
     */
    public KeyMaterial issueServer(String subject, KeyType keyType, Duration validity, List<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("A server certificate needs at least one host name or address");
        }
        Instant now = now();
        return issue(subject, keyType, now, now.plus(validity), hosts);
    }

    private KeyMaterial issue(String subject, KeyType keyType, Instant notBefore, Instant notAfter, List<String> hosts) {
        KeyPair pair = keyType.generate();
        X509Certificate ca = certificate();
        X509Certificate issued = certificate(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                material.privateKey(), ca.getPublicKey(), x500Name(subject), pair.getPublic(), notBefore, notAfter, false, hosts);
        return new KeyMaterial(pair.getPrivate(), List.of(issued, ca));
    }

    private static X509Certificate certificate(X500Name issuer, PrivateKey issuerKey, PublicKey issuerPublicKey,
            X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter, boolean authority, List<String> hosts) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, SERIALS),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(authority
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerPublicKey));
            if (!hosts.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hosts));
            }
            String algorithm = "EC".equals(issuerKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot issue a certificate for " + subject, e);
        }
    }

    /** Each host as an IP address entry when it is one, else as a DNS name. */
    private static GeneralNames alternativeNames(List<String> hosts) {
        GeneralName[] names = new GeneralName[hosts.size()];
        for (int i = 0; i < names.length; i++) {
            String host = hosts.get(i).strip();
            boolean address = host.matches("[0-9.]+") || host.contains(":");
            names[i] = new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, host);
        }
        return new GeneralNames(names);
    }

    /**
     * The name as the JDK reads and prints it (RFC 2253): BouncyCastle's own parser keeps the string's
     * order in the encoding, which the JDK then prints reversed.
     */
    private static X500Name x500Name(String subject) {
        try {
            return X500Name.getInstance(new X500Principal(subject).getEncoded());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an X.500 name such as CN=12345675,O=Formosa Foods: " + subject, e);
        }
    }

    /** Whole seconds: X.509 validity has no finer resolution. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
