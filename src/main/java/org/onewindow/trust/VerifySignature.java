package org.onewindow.trust;

import java.security.cert.CertificateException;
import java.util.Optional;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies a message's XML signature against the OneWindow profile ({@link SignatureProfile}) and, when
 * it holds, removes it so that schema validation sees the plain business document.
 *
 * <p>Rule, checked in this order: exactly one {@code ds:Signature} in the whole document
 * ({@link SignatureFault#MISSING}, {@link SignatureFault#MULTIPLE}), a direct child of the document element
 * ({@link SignatureFault#MISPLACED}), a {@code SignedInfo} that follows the profile
 * ({@link SignatureFault#NOT_WHOLE_DOCUMENT}, {@link SignatureFault#ALGORITHM_NOT_ALLOWED}), a signer
 * certificate in {@code ds:KeyInfo/ds:X509Data} ({@link SignatureFault#NO_CERTIFICATE}), a signature value
 * that verifies with that certificate's key ({@link SignatureFault#SIGNATURE_INVALID}) and a digest that
 * matches the document ({@link SignatureFault#DIGEST_MISMATCH}). Santuario runs in secure validation mode.
 * The certificate's validity, revocation and owner are not checked here ({@link CertificateCheck}, the party
 * registry). Built once; safe for concurrent use, each call works on its own document.
 */
public final class VerifySignature {
    /** Parties and agencies, each with a certificate or two: room for every signer of a busy hub. */
    private static final int SIGNERS_KEPT = 4096;

    private final SignerCertificates signers = new SignerCertificates(SIGNERS_KEPT);

    public VerifySignature() {
        SignatureProfile.initialise();
    }

    /**
     * Verifies the signature of {@code document}. On {@link SignatureVerdict.Verified} the {@code ds:Signature}
     * has been removed from the document; on {@link SignatureVerdict.Refused} the document is unchanged.
     */
    public SignatureVerdict verify(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(SignatureProfile.DSIG_NS, "Signature");
        if (signatures.getLength() == 0) {
            return SignatureVerdict.refused(SignatureFault.MISSING,
                    "The message is not signed: it needs a ds:Signature as the last child of its document element.");
        }
        if (signatures.getLength() > 1) {
            return SignatureVerdict.refused(SignatureFault.MULTIPLE, "The message carries " + signatures.getLength()
                    + " ds:Signature elements; exactly one is allowed.");
        }
        Element signature = (Element) signatures.item(0);
        Element root = document.getDocumentElement();
        if (signature.getParentNode() != root) {
            return SignatureVerdict.refused(SignatureFault.MISPLACED, "The ds:Signature is inside "
                    + signature.getParentNode().getNodeName() + "; it must be a direct child of the document element "
                    + root.getNodeName() + ".");
        }
        Optional<SignatureVerdict.Refused> refusal = SignatureProfile.refusal(signature);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SignerCertificates.Signer signer;
        try {
            signer = signerCertificate(signature);
        } catch (CertificateException | IllegalArgumentException e) {
            return SignatureVerdict.refused(SignatureFault.NO_CERTIFICATE,
                    "The signer certificate in ds:KeyInfo/ds:X509Data cannot be read: " + e.getMessage());
        }
        if (signer == null) {
            return SignatureVerdict.refused(SignatureFault.NO_CERTIFICATE,
                    "The signature carries no signer certificate in ds:KeyInfo/ds:X509Data/ds:X509Certificate.");
        }
        XMLSignature checked;
        try {
            checked = new XMLSignature(signature, "", true, SignatureProviders.forKey(signer.verifyingKey()));
        } catch (XMLSecurityException e) {
            return SignatureVerdict.refused(SignatureFault.MALFORMED, "The ds:Signature cannot be read: " + e.getMessage());
        }
        Optional<SignatureVerdict.Refused> cryptographic = cryptographicRefusal(checked, signer);
        if (cryptographic.isPresent()) {
            return cryptographic.get();
        }
        root.removeChild(signature);
        return new SignatureVerdict.Verified(signer.certificate());
    }

    /**
     * Santuario checks the signature value over {@code SignedInfo} first and only then the reference's digest,
     * so a failure with no reference results means the value did not verify, and one with results means the
     * document changed.
     */
    private static Optional<SignatureVerdict.Refused> cryptographicRefusal(XMLSignature signature,
                                                                          SignerCertificates.Signer signer) {
        boolean valid;
        try {
            valid = signature.checkSignatureValue(signer.verifyingKey());
        } catch (XMLSecurityException e) {
            return Optional.of(SignatureVerdict.refused(SignatureFault.SIGNATURE_INVALID, "The signature value cannot be checked with the key of "
                    + CertificateCheck.describe(signer.certificate()) + ": " + e.getMessage()));
        }
        if (valid) {
            return Optional.empty();
        }
        if (signature.getSignedInfo().getVerificationResults().isEmpty()) {
            return Optional.of(SignatureVerdict.refused(SignatureFault.SIGNATURE_INVALID,
                    "The signature value does not verify with the key of " + CertificateCheck.describe(signer.certificate()) + "."));
        }
        return Optional.of(SignatureVerdict.refused(SignatureFault.DIGEST_MISMATCH,
                "The message was altered after it was signed: its digest does not match the signed digest."));
    }

    /** The signer of the first certificate in {@code ds:KeyInfo/ds:X509Data}, or null when there is none. */
    private SignerCertificates.Signer signerCertificate(Element signature) throws CertificateException {
        Optional<Element> certificate = SignatureProfile.child(signature, "KeyInfo").stream()
                .flatMap(keyInfo -> SignatureProfile.children(keyInfo, "X509Data").stream())
                .flatMap(data -> SignatureProfile.children(data, "X509Certificate").stream())
                .findFirst();
        if (certificate.isEmpty()) {
            return null;
        }
        return signers.of(certificate.get().getTextContent());
    }
}
