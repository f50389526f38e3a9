package org.onewindow.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo CA, PKCS#12 and PEM files, and the validity-period check the party registry reuses. */
class KeyMaterialTest {
    private static final char[] PASSWORD = KeyMaterial.DEMO_PASSWORD.toCharArray();

    @TempDir
    Path dir;

    @Test
    void anIssuedPartyKeyRoundTripsThroughPkcs12AndSigns() throws Exception {
        DemoCertificateAuthority ca = DemoCertificateAuthority.create("CN=Demo CA,O=OneWindow", KeyType.RSA_2048, Duration.ofDays(3650));
        KeyMaterial party = ca.issue("CN=12345675,O=Formosa Foods", KeyType.EC_P256, Duration.ofDays(365));
        Path file = dir.resolve("parties/12345675.p12");

        party.writePkcs12(file, PASSWORD);
        KeyMaterial read = KeyMaterial.fromPkcs12(file, PASSWORD);

        assertThat(read.certificate()).isEqualTo(party.certificate());
        assertThat(read.chain()).containsExactly(party.certificate(), ca.certificate());
        assertThat(read.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=12345675,O=Formosa Foods");
        assertThat(read.certificate().getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        read.certificate().verify(ca.certificate().getPublicKey());
        assertThat(read.certificate().getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(ca.certificate().getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);

        var document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        new XmlSigner(read).sign(document);
        assertThat(new VerifySignature().verify(document)).isEqualTo(new SignatureVerdict.Verified(party.certificate()));
    }

    @Test
    void aSavedCaKeepsIssuing() throws Exception {
        DemoCertificateAuthority created = DemoCertificateAuthority.create("CN=Demo CA", KeyType.EC_P256, Duration.ofDays(10));
        created.material().writePkcs12(dir.resolve("ca.p12"), PASSWORD);

        DemoCertificateAuthority loaded = new DemoCertificateAuthority(KeyMaterial.fromPkcs12(dir.resolve("ca.p12"), PASSWORD));
        KeyMaterial party = loaded.issue("CN=24536806", KeyType.RSA_2048, Duration.ofDays(1));

        party.certificate().verify(created.certificate().getPublicKey());
        assertThat(party.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void aWrongPasswordOrAMissingFileIsSaidPlainly() throws Exception {
        TrustFixtures.Keys.EC.writePkcs12(dir.resolve("party.p12"), PASSWORD);

        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(dir.resolve("party.p12"), "wrong".toCharArray()))
                .isInstanceOf(KeyMaterialException.class).hasMessageEndingWith("party.p12: wrong password");
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(dir.resolve("absent.p12"), PASSWORD))
                .isInstanceOf(KeyMaterialException.class).hasMessageEndingWith("absent.p12: no such file");
        Files.writeString(dir.resolve("text.p12"), "not a key store");
        assertThatThrownBy(() -> KeyMaterial.fromPkcs12(dir.resolve("text.p12"), PASSWORD))
                .isInstanceOf(KeyMaterialException.class).hasMessageEndingWith("text.p12: not a PKCS#12 key store");
    }

    @Test
    void pemKeyAndCertificatesAreRead() throws Exception {
        KeyMaterial party = TrustFixtures.Keys.RSA;
        Path key = dir.resolve("party.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(party.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        party.writeCertificatePem(dir.resolve("party.pem"));

        KeyMaterial read = KeyMaterial.fromPem(key, dir.resolve("party.pem"));

        assertThat(read.privateKey()).isEqualTo(party.privateKey());
        assertThat(read.chain()).isEqualTo(party.chain());
        assertThatThrownBy(() -> KeyMaterial.fromPem(dir.resolve("party.pem"), dir.resolve("party.pem")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("holds no unencrypted private key");
    }

    @Test
    void validityIsCheckedAtTheInstantGiven() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-31T00:00:00Z");
        KeyMaterial party = TrustFixtures.Keys.CA.issue("CN=12345675", KeyType.EC_P256, start, end);

        assertThat(CertificateCheck.validityProblem(party.certificate(), start)).isEmpty();
        assertThat(CertificateCheck.validityProblem(party.certificate(), end)).isEmpty();
        assertThat(CertificateCheck.validityProblem(party.certificate(), end.plusSeconds(1)))
                .hasValueSatisfying(text -> assertThat(text).startsWith("the certificate CN=12345675 (serial ")
                        .endsWith(" expired at 2026-12-31T00:00:00Z"));
        assertThat(CertificateCheck.validityProblem(party.certificate(), start.minusSeconds(1)))
                .hasValueSatisfying(text -> assertThat(text).endsWith(" is not valid before 2026-01-01T00:00:00Z"));
    }
}
