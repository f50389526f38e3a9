package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.SignatureVerdict;
import org.onewindow.trust.VerifySignature;
import org.w3c.dom.Document;

/**
 * Checks a certificate the hub issued as its recipient would: valid under
 * {@code schemas/certificates/onewindow-certificates.xsd} and signed by the hub's key ({@code <data-dir>/pki/hub.p12}).
 */
final class HubSignedCertificate {
    private HubSignedCertificate() {
    }

    /** The certificate's document (its signature verified and removed), after asserting both checks. */
    static Document check(byte[] xml, TestHub hub) throws Exception {
        Document document = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Schema schema = SecureXml.schemaFactory().newSchema(Path.of("schemas/certificates/onewindow-certificates.xsd").toFile());
        schema.newValidator().validate(new DOMSource(document));
        SignatureVerdict verdict = new VerifySignature().verify(document);
        assertThat(verdict).as("the hub's signature").isInstanceOf(SignatureVerdict.Verified.class);
        KeyMaterial hubKey = KeyMaterial.fromPkcs12(hub.dataDir.resolve("pki/hub.p12"), "changeit".toCharArray());
        assertThat(((SignatureVerdict.Verified) verdict).signer()).isEqualTo(hubKey.certificate());
        return document;
    }

    /** The text of the first element of this local name in the certificate's namespace. */
    static String text(Document document, String localName) {
        return document.getElementsByTagNameNS("urn:onewindow:certificate:1", localName).item(0).getTextContent();
    }
}
