package org.onewindow.trust;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The committed signature attacks of the hostile corpus: each carries a signature that verifies
 * cryptographically, yet the profile refuses it for what it is.
 */
class HostileSignatureSamplesTest {
    private static final VerifySignature VERIFIER = new VerifySignature();

    @Test
    void signatureWrappingIsRefusedAsMisplaced() throws Exception {
        Document document = TrustFixtures.parse(HostileSignatureSamples.WRAPPING);

        assertThat(VERIFIER.verify(document)).isInstanceOfSatisfying(SignatureVerdict.Refused.class,
                refused -> assertThat(refused.fault()).isEqualTo(SignatureFault.MISPLACED));
        assertThat(Dom.text(document.getDocumentElement(), "InvoiceAmount")).isEqualTo(HostileSignatureSamples.FORGED_AMOUNT);
    }

    @Test
    void theWrappedOriginalIsGenuinelySigned() throws Exception {
        Document hostile = TrustFixtures.parse(HostileSignatureSamples.WRAPPING);
        Element original = Dom.path(hostile.getDocumentElement(), "tw_Original", "Declaration").orElseThrow();
        Document alone = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        alone.appendChild(alone.importNode(original, true));

        assertThat(VERIFIER.verify(alone)).isInstanceOf(SignatureVerdict.Verified.class);
        assertThat(Dom.text(alone.getDocumentElement(), "InvoiceAmount")).isEqualTo("21890.00");
    }

    @Test
    void duplicateIdsAreRefusedAsNotTheWholeDocument() throws Exception {
        Document document = TrustFixtures.parse(HostileSignatureSamples.DUPLICATE_IDS);

        assertThat(VERIFIER.verify(document)).isInstanceOfSatisfying(SignatureVerdict.Refused.class,
                refused -> assertThat(refused.fault()).isEqualTo(SignatureFault.NOT_WHOLE_DOCUMENT));
    }

    /** A verifier that resolves "#declaration" to the copy in ds:Object, as a naive one may, accepts the forgery. */
    @Test
    void aNaiveVerifierWouldAcceptTheDuplicateIds() throws Exception {
        Document document = TrustFixtures.parse(HostileSignatureSamples.DUPLICATE_IDS);
        Element signature = (Element) document.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "Signature").item(0);
        Element copy = Dom.path(signature, "Object", "Declaration").orElseThrow();
        copy.setIdAttributeNS(null, "Id", true);
        XMLSignature naive = new XMLSignature(signature, "", false);

        assertThat(naive.checkSignatureValue(naive.getKeyInfo().getX509Certificate())).isTrue();
        assertThat(Dom.text(document.getDocumentElement(), "InvoiceAmount")).isEqualTo(HostileSignatureSamples.FORGED_AMOUNT);
    }
}
