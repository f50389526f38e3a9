package org.onewindow.message;

import java.security.cert.X509Certificate;
import org.onewindow.schema.MessageType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A message read once: its type (from the root's namespace), the schema-valid DOM every later step
 * reads from (its signature lifted off), the original bytes as received, and the certificate that signed it
 * (null when signatures were not verified). Nothing downstream parses the bytes again.
 */
public record ParsedMessage(MessageType type, Document document, byte[] original, X509Certificate signer) {

    /** A message read without signature verification (its signer unknown). */
    public ParsedMessage(MessageType type, Document document, byte[] original) {
        this(type, document, original, null);
    }

    public Element root() {
        return document.getDocumentElement();
    }

    /** The text at a path of local names below the root, or null. */
    public String text(String... path) {
        return Dom.text(root(), path);
    }
}
