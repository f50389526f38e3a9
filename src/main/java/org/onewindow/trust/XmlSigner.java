package org.onewindow.trust;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs documents with one key in the OneWindow signature profile ({@link SignatureProfile}).
 *
 * <p>Rule: the signature is an enveloped {@code ds:Signature} appended as the last child of the
 * document element, over the whole document ({@code URI=""}, enveloped-signature + exclusive C14N,
 * sha256), with rsa-sha256 for an RSA key and ecdsa-sha256 for an EC key, and the signer certificate in
 * {@code ds:KeyInfo/ds:X509Data}. Built once per key; safe for concurrent use (each call works on its
 * own document and keeps no state).
 */
public final class XmlSigner {
    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final String signatureMethod;

    /** A signer for this key and its certificate; the certificate's public key must be the key's pair. */
    public XmlSigner(PrivateKey privateKey, X509Certificate certificate) {
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("The " + privateKey.getAlgorithm() + " key does not match the "
                    + certificate.getPublicKey().getAlgorithm() + " certificate " + CertificateCheck.describe(certificate));
        }
        SignatureProfile.initialise();
        this.signatureMethod = SignatureProfile.signatureMethodFor(privateKey);
        this.privateKey = SignatureProviders.signingKey(privateKey);
        this.certificate = certificate;
    }

    /** A signer for the key and first certificate of this key material. */
    public XmlSigner(KeyMaterial keyMaterial) {
        this(keyMaterial.privateKey(), keyMaterial.certificate());
    }

    /** The certificate placed into every signature. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Appends the signature to the document element of {@code document}, in place. */
    public void sign(Document document) {
        append(document);
    }

    private Element append(Document document) {
        try {
            XMLSignature signature = new XMLSignature(document, "", signatureMethod, SignatureProfile.CANONICALIZATION,
                    SignatureProviders.forKey(privateKey));
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            for (String transform : SignatureProfile.TRANSFORMS) {
                transforms.addTransform(transform);
            }
            signature.addDocument("", transforms, SignatureProfile.DIGEST);
            signature.addKeyInfo(certificate);
            signature.sign(privateKey);
            return signature.getElement();
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Signing with " + CertificateCheck.describe(certificate) + " failed", e);
        }
    }

    /**
     * {@code document} signed and serialised as UTF-8; the document itself is left as it was, so the same one can be
     * signed again for another recipient (a withdrawal goes to every agency of its case).
     */
    public byte[] signedBytes(Document document) {
        Element signature = append(document);
        try {
            return Dom.serialize(document);
        } finally {
            document.getDocumentElement().removeChild(signature);
        }
    }
}
