package org.onewindow.trust;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.onewindow.message.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds the signatures an attacker or a careless sender would produce: other algorithms, references by
 * Id, and the classic wrapping attacks. Each signature is cryptographically valid for what it references,
 * so only the profile stands between it and acceptance.
 */
final class SignatureForgery {
    private SignatureForgery() {
    }

    /** Signs with the given methods as the last child of {@code parent}: {@code URI=""}, enveloped + the C14N. */
    static void signWholeDocument(Document document, Element parent, KeyMaterial key, String signatureMethod,
            String canonicalization, String digest) throws XMLSecurityException {
        XMLSignature signature = new XMLSignature(document, "", signatureMethod, canonicalization);
        parent.appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(canonicalization);
        signature.addDocument("", transforms, digest);
        signature.addKeyInfo(key.certificate());
        signature.sign(key.privateKey());
    }

    /**
     * The wrapping attack on a document-level signature: the document element is replaced by a copy
     * whose {@code InvoiceAmount} is {@code forgedAmount}, and the signed original, signature and all, is
     * tucked into a new last child {@code wrapperName} of it.
     */
    static void wrapSignedOriginal(Document signed, String wrapperName, String forgedAmount) {
        Element original = signed.getDocumentElement();
        Element forged = (Element) original.cloneNode(true);
        forged.removeChild(childSignature(forged));
        setInvoiceAmount(forged, forgedAmount);
        signed.replaceChild(forged, original);
        Element wrapper = signed.createElementNS(forged.getNamespaceURI(), wrapperName);
        forged.appendChild(wrapper);
        wrapper.appendChild(original);
    }

    /**
     * The wrapping attack on a signature by Id: an unsigned document whose {@code InvoiceAmount} is
     * {@code forgedAmount} gets a signature, last child of its document element as the profile wants, whose
     * one reference {@code URI="#id"} points at the untouched original copied into a {@code ds:Object}
     * under {@code Id="id"}. With {@code idOnRoot} the forged document element carries the same Id, so two
     * elements claim it and which one "#id" means depends on the verifier.
     */
    static void signCopyById(Document unsigned, KeyMaterial key, String id, boolean idOnRoot, String forgedAmount)
            throws XMLSecurityException {
        Element root = unsigned.getDocumentElement();
        Element original = (Element) root.cloneNode(true);
        original.setAttributeNS(null, "Id", id);
        original.setIdAttributeNS(null, "Id", true);
        setInvoiceAmount(root, forgedAmount);
        XMLSignature signature = new XMLSignature(unsigned, "", SignatureProfile.signatureMethodFor(key.privateKey()),
                SignatureProfile.CANONICALIZATION);
        root.appendChild(signature.getElement());
        ObjectContainer object = new ObjectContainer(unsigned);
        object.appendChild(original);
        signature.appendObject(object);
        Transforms transforms = new Transforms(unsigned);
        transforms.addTransform(SignatureProfile.CANONICALIZATION);
        signature.addDocument("#" + id, transforms, SignatureProfile.DIGEST);
        signature.addKeyInfo(key.certificate());
        signature.sign(key.privateKey());
        if (idOnRoot) {
            root.setAttributeNS(null, "Id", id);
        }
    }

    private static void setInvoiceAmount(Element declaration, String amount) {
        Dom.child(declaration, "InvoiceAmount").orElseThrow().setTextContent(amount);
    }

    private static Element childSignature(Element parent) {
        return SignatureProfile.child(parent, "Signature").orElseThrow();
    }
}
