package org.onewindow.message;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Small, namespace-agnostic helpers for reading and writing the hub's message documents.
 *
 * <p>Every CPT message keeps all its elements in the one namespace of its root, so lookups go by
 * local name and new children take their parent's namespace. Paths are sequences of local names
 * below the element given.
 */
public final class Dom {
    /**
     * Makes new documents. Taken once: a document builder per document built a whole parser (symbol table, scanner,
     * configuration) only to call {@code newDocument()}, about 1% of the hub's CPU. The JDK's implementation keeps no
     * state between documents, so one serves every thread.
     */
    private static final DOMImplementation DOCUMENTS = documents();

    private Dom() {
    }

    /** The first child element with this local name, if any. */
    public static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** All child elements with this local name, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first element reached by following the path of local names, if any. */
    public static Optional<Element> path(Element from, String... path) {
        Optional<Element> at = Optional.of(from);
        for (String step : path) {
            at = at.flatMap(e -> child(e, step));
        }
        return at;
    }

    /** Every element reached by following the path, each step fanning out over repeated children. */
    public static List<Element> all(Element from, String... path) {
        List<Element> level = List.of(from);
        for (String step : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                next.addAll(children(e, step));
            }
            level = next;
        }
        return level;
    }

    /** The trimmed text at the path, or null when the element is absent. */
    public static String text(Element from, String... path) {
        return path(from, path).map(e -> e.getTextContent().trim()).orElse(null);
    }

    /**
     * The text at the path as a whole number ({@code 7}, or a decimal such as {@code 7.0} that is one), or
     * null when the element is absent or its text is not a whole number within {@code int} range.
     */
    public static Integer wholeNumber(Element from, String... path) {
        String text = text(from, path);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** A new, empty document whose root element is in the given namespace. */
    public static Document newDocument(String namespace, String rootName) {
        return DOCUMENTS.createDocument(namespace, rootName, null);
    }

    private static DOMImplementation documents() {
        try {
            return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM implementation is unavailable", e);
        }
    }

    /** Appends a child element in the parent's namespace and returns it. */
    public static Element append(Element parent, String localName) {
        Element child = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), localName);
        parent.appendChild(child);
        return child;
    }

    /** Appends a child element holding text; a null text appends nothing and returns null. */
    public static Element appendText(Element parent, String localName, String text) {
        if (text == null) {
            return null;
        }
        Element child = append(parent, localName);
        child.setTextContent(text);
        return child;
    }

    /**
     * Deep-copies an element from another document under a new parent, moving the copy and all its
     * descendant elements into the parent's namespace (derived messages reuse blocks of the
     * declaration whose element names are the same in both message types).
     */
    public static Element copyInto(Element parent, Element source) {
        Element copy = (Element) parent.getOwnerDocument().importNode(source, true);
        renameInto(copy, parent.getNamespaceURI());
        parent.appendChild(copy);
        return copy;
    }

    private static void renameInto(Element element, String namespace) {
        Element renamed = (Element) element.getOwnerDocument().renameNode(element, namespace, element.getLocalName());
        for (Node n = renamed.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                renameInto(e, namespace);
            }
        }
    }

    /** Serialises a document as UTF-8 with an XML declaration ({@link DomWriter}). */
    public static byte[] serialize(Document doc) {
        return DomWriter.write(doc);
    }
}
