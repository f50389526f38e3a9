package org.onewindow.cli;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.onewindow.message.Dom;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The type and key status of a reply, for one line of tester output: for an NX903 its first error's text
 * ({@code W004 The message does not conform …}, with the count of further errors); for every other
 * reply the codes in {@code Response/Status/NameCode} ({@code Y}, {@code N}, a clearance route
 * {@code C1}…) followed by {@code Response/AdditionalInformation/StatementDescription} when present.
 */
final class ReplySummary {
    private static final DocumentBuilderFactory PARSERS = SecureXml.documentBuilderFactory();
    /** Agency messages whose type does not say which agency sent them. */
    private static final Set<String> AGENCY_NOTICES = Set.of("NX901", "NX902");

    private ReplySummary() {
    }

    /** {@code <type> <key status>}; the type is the mailbox's, else read from the root's namespace. */
    static String of(String messageType, String xml) {
        Element root;
        try {
            DocumentBuilder parser = PARSERS.newDocumentBuilder();
            parser.setErrorHandler(SILENT);
            root = parser.parse(new InputSource(new StringReader(xml == null ? "" : xml))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return (messageType == null ? "?" : messageType) + " (body is not readable XML)";
        }
        String type = messageType != null ? messageType : typeOf(root);
        return type + agency(type, root) + " " + ("NX903".equals(type) ? errors(root) : status(root));
    }

    /** Receipts and notices look alike for every agency; name the one that sent it. */
    private static String agency(String type, Element root) {
        if (!AGENCY_NOTICES.contains(type)) {
            return "";
        }
        NodeList agencies = root.getElementsByTagNameNS("*", "ResponsibleGovernmentAgency");
        String id = agencies.getLength() == 0 ? null : Dom.text((Element) agencies.item(0), "ID");
        return id == null ? "" : " from " + id;
    }

    /** The TYPE of a root in {@code urn:wco:datamodel:TW:<TYPE>:<VERSION>}, or {@code ?}. */
    private static String typeOf(Element root) {
        String[] parts = String.valueOf(root.getNamespaceURI()).split(":");
        return parts.length == 6 ? parts[4] : "?";
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static String errors(Element root) {
        List<Element> errors = Dom.children(root, "Error");
        if (errors.isEmpty()) {
            return "(no error given)";
        }
        Element first = errors.get(0);
        String content = Dom.text(first, "AdditionalInformation", "Content");
        String text = content == null || content.isEmpty() ? Dom.text(first, "ValidationCode") : content;
        return HubClient.oneLine(text) + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : "");
    }

    private static String status(Element root) {
        List<String> parts = new ArrayList<>();
        for (Element status : Dom.children(root, "Status")) {
            String code = Dom.text(status, "NameCode");
            if (code != null && !code.isEmpty()) {
                parts.add(code);
            }
        }
        if (parts.isEmpty()) {
            parts.add("-");
        }
        String remark = Dom.text(root, "AdditionalInformation", "StatementDescription");
        if (remark != null && !remark.isEmpty()) {
            parts.add(HubClient.oneLine(remark));
        }
        return String.join(" ", parts);
    }
}
