package org.onewindow.message;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a DOM document as UTF-8 XML through a StAX writer (Woodstox). Every derived message, forwarded reply and
 * acknowledgement the hub sends is written this way; the JDK's {@code LSSerializer} took five times as long (1.25 ms
 * against 0.25 ms for a 165 KB declaration), a tenth of the hub's CPU. Namespace declarations the document holds as
 * attributes are written as they are; an element or attribute whose prefix is not bound where it stands (one created
 * with {@code createElementNS}, such as a signature's {@code ds:} elements) gets its declaration on that element.
 */
final class DomWriter {
    private static final XMLOutputFactory WRITERS = new WstxOutputFactory();

    static {
        // the declaration as every other XML writer spells it: <?xml version="1.0" encoding="UTF-8"?>
        WRITERS.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
    }

    private DomWriter() {
    }

    static byte[] write(Document document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter writer = WRITERS.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            for (Node n = document.getFirstChild(); n != null; n = n.getNextSibling()) {
                writeNode(writer, n);
            }
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the document", e);
        }
        return bytes.toByteArray();
    }

    private static void writeNode(XMLStreamWriter writer, Node node) throws XMLStreamException {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> writeElement(writer, (Element) node);
            case Node.TEXT_NODE -> writer.writeCharacters(node.getNodeValue());
            case Node.CDATA_SECTION_NODE -> writer.writeCData(node.getNodeValue());
            case Node.COMMENT_NODE -> writer.writeComment(node.getNodeValue());
            case Node.PROCESSING_INSTRUCTION_NODE -> writer.writeProcessingInstruction(node.getNodeName(), node.getNodeValue());
            default -> {
                // a document type or entity reference cannot occur: the hub parses without DTDs
            }
        }
    }

    private static void writeElement(XMLStreamWriter writer, Element element) throws XMLStreamException {
        String prefix = nonNull(element.getPrefix());
        String namespace = nonNull(element.getNamespaceURI());
        writer.writeStartElement(prefix, element.getLocalName() != null ? element.getLocalName() : element.getTagName(), namespace);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isDeclaration(attribute)) {
                String declared = XMLConstants.XMLNS_ATTRIBUTE.equals(attribute.getName()) ? "" : attribute.getLocalName();
                writer.writeNamespace(declared, attribute.getValue());
                writer.setPrefix(declared, attribute.getValue());
            }
        }
        declareIfUnbound(writer, prefix, namespace);
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (isDeclaration(attribute)) {
                continue;
            }
            if (attribute.getNamespaceURI() == null) {
                writer.writeAttribute(attribute.getName(), attribute.getValue());
            } else {
                declareIfUnbound(writer, nonNull(attribute.getPrefix()), attribute.getNamespaceURI());
                writer.writeAttribute(nonNull(attribute.getPrefix()), attribute.getNamespaceURI(), attribute.getLocalName(),
                        attribute.getValue());
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            writeNode(writer, child);
        }
        writer.writeEndElement();
    }

    private static void declareIfUnbound(XMLStreamWriter writer, String prefix, String namespace) throws XMLStreamException {
        if (XMLConstants.XML_NS_PREFIX.equals(prefix)) {
            return;
        }
        if (!namespace.equals(nonNull(writer.getNamespaceContext().getNamespaceURI(prefix)))) {
            if (prefix.isEmpty()) {
                writer.writeDefaultNamespace(namespace);
            } else {
                writer.writeNamespace(prefix, namespace);
            }
            writer.setPrefix(prefix, namespace);
        }
    }

    private static boolean isDeclaration(Attr attribute) {
        return XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
