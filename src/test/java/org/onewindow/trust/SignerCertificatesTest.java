package org.onewindow.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's signer certificates: read once, kept within bounds, each with a key that verifies its signatures. */
class SignerCertificatesTest {
    private static final byte[] SIGNED = "a message".getBytes(StandardCharsets.UTF_8);

    @Test
    void everySignerIsReadRightAgainAfterMoreSignersThanAreKeptHaveComeBetween() throws Exception {
        List<KeyMaterial> parties = List.of(
                TrustFixtures.Keys.CA.issue("CN=first", KeyType.EC_P256, Duration.ofDays(1)),
                TrustFixtures.Keys.CA.issue("CN=second", KeyType.EC_P256, Duration.ofDays(1)),
                TrustFixtures.Keys.CA.issue("CN=third", KeyType.RSA_2048, Duration.ofDays(1)));
        SignerCertificates signers = new SignerCertificates(2);

        for (int round = 0; round < 2; round++) {
            for (KeyMaterial party : parties) {
                SignerCertificates.Signer signer = signers.of(Base64.getMimeEncoder().encodeToString(party.certificate().getEncoded()));

                assertThat(signer.certificate()).isEqualTo(party.certificate());
                assertThat(verifies(signer, party)).as("a signature of %s", party.certificate().getSubjectX500Principal()).isTrue();
            }
        }
    }

    /** Signs with the party's key as the JDK holds it, verifies with the signer's key and provider as the hub does. */
    private static boolean verifies(SignerCertificates.Signer signer, KeyMaterial party) throws Exception {
        String algorithm = "EC".equals(party.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signing = Signature.getInstance(algorithm);
        signing.initSign(party.privateKey());
        signing.update(SIGNED);
        byte[] value = signing.sign();
        Provider provider = SignatureProviders.forKey(signer.verifyingKey());
        Signature verifying = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        verifying.initVerify(signer.verifyingKey());
        verifying.update(SIGNED);
        return verifying.verify(value);
    }
}
