package org.onewindow.trust;

import org.onewindow.message.Dom;
import org.w3c.dom.Document;

/** Turns an outgoing document into the bytes the hub sends: signed with a key, or — signatures relaxed — as is. */
@FunctionalInterface
public interface DocumentSigner {

    byte[] signedBytes(Document document);

    /**
     * Signs with the key. A document the hub built element by element has no namespace declaration attributes
     * yet — only its serialised form will — and canonicalisation reads attributes: the DOM's namespaces are fixed
     * up first, so the digest is over exactly what the recipient parses.
     */
    static DocumentSigner with(XmlSigner signer) {
        return document -> {
            document.normalizeDocument();
            return signer.signedBytes(document);
        };
    }

    /** For test and benchmark profiles that relaxed signatures: the document unsigned. */
    static DocumentSigner unsigned() {
        return Dom::serialize;
    }
}
