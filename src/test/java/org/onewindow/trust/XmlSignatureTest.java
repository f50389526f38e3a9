package org.onewindow.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.transform.dom.DOMSource;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.onewindow.message.Dom;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signing and verifying the sample declarations in the OneWindow profile, and what the verifier refuses. */
class XmlSignatureTest {
    private static final VerifySignature VERIFIER = new VerifySignature();

    enum Party {
        EC(TrustFixtures.Keys.EC, SignatureProfile.ECDSA_SHA256),
        RSA(TrustFixtures.Keys.RSA, SignatureProfile.RSA_SHA256);

        final KeyMaterial key;
        final String method;

        Party(KeyMaterial key, String method) {
            this.key = key;
            this.method = method;
        }

        XmlSigner signer() {
            return new XmlSigner(key);
        }
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void signedSampleVerifiesAndIsSchemaValidOnceTheSignatureIsRemoved(Party party) throws Exception {
        byte[] signed = party.signer().signedBytes(TrustFixtures.parse(TrustFixtures.SIXTY_ITEMS));
        String text = new String(signed, StandardCharsets.UTF_8);
        assertThat(text).contains("Algorithm=\"" + party.method + "\"").contains("<ds:Reference URI=\"\">");

        Document received = TrustFixtures.parse(signed);
        Element last = lastChildElement(received.getDocumentElement());
        assertThat(last.getLocalName()).isEqualTo("Signature");

        SignatureVerdict verdict = VERIFIER.verify(received);

        assertThat(verdict).isEqualTo(new SignatureVerdict.Verified(party.key.certificate()));
        assertThat(received.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "*").getLength()).isZero();
        MessageType type = SchemaRegistry.bundled().byNamespace(received.getDocumentElement().getNamespaceURI()).orElseThrow();
        assertThat(SecureXml.validationFaults(type.schema(), new DOMSource(received))).isEmpty();
    }

    @Test
    void oneDocumentSignedForSeveralRecipientsCarriesOneSignatureEach() throws Exception {
        Document withdrawal = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        byte[] first = Party.EC.signer().signedBytes(withdrawal);
        byte[] second = Party.EC.signer().signedBytes(withdrawal);

        assertThat(withdrawal.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "Signature").getLength())
                .as("the document is left unsigned").isZero();
        for (byte[] sent : List.of(first, second)) {
            assertThat(VERIFIER.verify(TrustFixtures.parse(sent))).isEqualTo(new SignatureVerdict.Verified(Party.EC.key.certificate()));
        }
    }

    @Test
    void oneAlteredCharacterInTheContentIsADigestMismatch() throws Exception {
        String signed = signedText(Party.EC, TrustFixtures.FOOD_LIQUOR);
        String altered = signed.replaceFirst("<TotalPackageQuantity>(\\d)", "<TotalPackageQuantity>9");
        assertThat(altered).isNotEqualTo(signed);

        assertRefused(altered, SignatureFault.DIGEST_MISMATCH, "altered after it was signed");
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void anAlteredSignatureValueDoesNotVerify(Party party) throws Exception {
        Document signed = TrustFixtures.parse(party.signer().signedBytes(TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY)));
        Element value = (Element) signed.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "SignatureValue").item(0);
        String base64 = value.getTextContent().strip();
        value.setTextContent((base64.charAt(0) == 'A' ? "B" : "A") + base64.substring(1));

        SignatureVerdict verdict = VERIFIER.verify(signed);

        assertThat(verdict).isInstanceOf(SignatureVerdict.Refused.class);
        assertThat(((SignatureVerdict.Refused) verdict).fault()).isEqualTo(SignatureFault.SIGNATURE_INVALID);
        assertThat(signed.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "Signature").getLength())
                .as("a refused signature stays in the document").isOne();
    }

    @Test
    void aSignatureByAnotherKeyThanTheCertificatesDoesNotVerify() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        KeyMaterial other = TrustFixtures.Keys.CA.issue("CN=someone else", KeyType.EC_P256, java.time.Duration.ofDays(1));
        new XmlSigner(other.privateKey(), other.certificate()).sign(document);
        Element certificate = (Element) document.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "X509Certificate").item(0);
        certificate.setTextContent(java.util.Base64.getEncoder().encodeToString(TrustFixtures.Keys.EC.certificate().getEncoded()));

        assertThat(VERIFIER.verify(document)).extracting(v -> ((SignatureVerdict.Refused) v).fault())
                .isEqualTo(SignatureFault.SIGNATURE_INVALID);
    }

    @Test
    void anEcSignatureOfTheHubIsPlainEcdsaThatTheJdkAloneVerifies() throws Exception {
        Document signed = TrustFixtures.parse(Party.EC.signer().signedBytes(TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY)));
        Element signature = (Element) signed.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "Signature").item(0);

        // no provider named: the JDK checks what BouncyCastle computed, as a partner's system without it would
        assertThat(new XMLSignature(signature, "", true).checkSignatureValue(Party.EC.key.certificate())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Party.class)
    void aSignatureMadeByTheJdkVerifies(Party party) throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        // Santuario with the JDK's providers, as a partner's system signs
        SignatureForgery.signWholeDocument(document, document.getDocumentElement(), party.key, party.method,
                SignatureProfile.CANONICALIZATION, SignatureProfile.DIGEST);

        assertThat(VERIFIER.verify(document)).isEqualTo(new SignatureVerdict.Verified(party.key.certificate()));
    }

    @Test
    void anUnsignedMessageIsRefusedAsMissing() throws Exception {
        assertRefused(Files.readString(TrustFixtures.CUSTOMS_ONLY), SignatureFault.MISSING, "not signed");
    }

    @Test
    void twoSignaturesAreRefused() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        Party.EC.signer().sign(document);
        Party.RSA.signer().sign(document);

        assertRefused(document, SignatureFault.MULTIPLE, "2 ds:Signature elements");
    }

    @Test
    void theSignedOriginalWrappedInsideAForgedDocumentIsMisplaced() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        Party.EC.signer().sign(document);
        SignatureForgery.wrapSignedOriginal(document, "tw_Original", "1.00");

        assertRefused(document, SignatureFault.MISPLACED, "inside Declaration");
    }

    @Test
    void aReferenceByIdToACopyOfTheOriginalIsNotTheWholeDocument() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        SignatureForgery.signCopyById(document, TrustFixtures.Keys.EC, "original", false, "1.00");

        assertRefused(document, SignatureFault.NOT_WHOLE_DOCUMENT, "URI=\"#original\"");
    }

    @Test
    void duplicateIdsAreRefusedBeforeAnyIdIsResolved() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        SignatureForgery.signCopyById(document, TrustFixtures.Keys.EC, "declaration", true, "1.00");

        assertRefused(document, SignatureFault.NOT_WHOLE_DOCUMENT, "URI=\"#declaration\"");
    }

    @Test
    void aSha1SignatureIsAnAlgorithmNotAllowed() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        SignatureForgery.signWholeDocument(document, document.getDocumentElement(), TrustFixtures.Keys.RSA,
                XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1);

        assertRefused(document, SignatureFault.ALGORITHM_NOT_ALLOWED, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1);
    }

    @Test
    void inclusiveCanonicalizationIsNotTheProfile() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        SignatureForgery.signWholeDocument(document, document.getDocumentElement(), TrustFixtures.Keys.EC,
                SignatureProfile.ECDSA_SHA256, Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS, SignatureProfile.DIGEST);

        assertRefused(document, SignatureFault.NOT_WHOLE_DOCUMENT, "transforms");
    }

    @Test
    void aSignatureWithoutCertificateIsRefused() throws Exception {
        Document document = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        Party.EC.signer().sign(document);
        Element keyInfo = (Element) document.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "KeyInfo").item(0);
        keyInfo.getParentNode().removeChild(keyInfo);

        assertRefused(document, SignatureFault.NO_CERTIFICATE, "no signer certificate");
    }

    @Test
    void oneSignerAndOneVerifierServeManyThreadsAtOnce() throws Exception {
        XmlSigner signer = Party.EC.signer();
        byte[] unsigned = Files.readAllBytes(TrustFixtures.FOOD_LIQUOR);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SignatureVerdict>> verdicts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                verdicts.add(pool.submit(() -> VERIFIER.verify(TrustFixtures.parse(signer.signedBytes(TrustFixtures.parse(unsigned))))));
            }
            for (Future<SignatureVerdict> verdict : verdicts) {
                assertThat(verdict.get()).isEqualTo(new SignatureVerdict.Verified(Party.EC.key.certificate()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String signedText(Party party, Path sample) throws Exception {
        return new String(party.signer().signedBytes(TrustFixtures.parse(sample)), StandardCharsets.UTF_8);
    }

    private static void assertRefused(String xml, SignatureFault fault, String textPart) throws Exception {
        assertRefused(TrustFixtures.parse(xml.getBytes(StandardCharsets.UTF_8)), fault, textPart);
    }

    private static void assertRefused(Document document, SignatureFault fault, String textPart) {
        SignatureVerdict verdict = VERIFIER.verify(document);
        assertThat(verdict).isInstanceOf(SignatureVerdict.Refused.class);
        SignatureVerdict.Refused refused = (SignatureVerdict.Refused) verdict;
        assertThat(refused.fault()).isEqualTo(fault);
        assertThat(refused.text()).contains(textPart);
    }

    private static Element lastChildElement(Element parent) {
        List<Element> all = Dom.children(parent, "Signature");
        assertThat(all).hasSize(1);
        Element last = null;
        for (org.w3c.dom.Node n = parent.getLastChild(); n != null && last == null; n = n.getPreviousSibling()) {
            if (n instanceof Element e) {
                last = e;
            }
        }
        return last;
    }
}
