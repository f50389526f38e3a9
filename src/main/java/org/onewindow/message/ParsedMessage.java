package org.onewindow.message;

import org.onewindow.schema.MessageType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A message read once: its type (from the root's namespace), the schema-valid DOM every later step
 * reads from, and the original bytes as received. Nothing downstream parses the bytes again.
 */
public record ParsedMessage(MessageType type, Document document, byte[] original) {

    public Element root() {
        return document.getDocumentElement();
    }

    /** The text at a path of local names below the root, or null. */
    public String text(String... path) {
        return Dom.text(root(), path);
    }
}
