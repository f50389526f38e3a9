package org.onewindow.admit;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.ParsedMessage;
import org.onewindow.reply.Rejection;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.SignatureCheck;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a message once: bounds its size (W005), refuses a body of only whitespace (W009), parses it
 * with the hardened parser — no DTD (W002), no external entities, bounded depth (W006), the JDK's other
 * parser limits such as attributes per element and name length (W005), well-formed UTF-8 XML (W001,
 * with the exact line and column of an invalid byte) — finds its type and version from the root's
 * namespace and element (W003), checks and lifts off its XML signature ({@link SignatureCheck}: T301–T303)
 * and validates the DOM against that type's compiled schema (W004). The result is the one DOM every later
 * step reads.
 */
public final class ReadMessage {
    /** Schema faults listed in one rejection at most; the rest are counted. */
    private static final int MAX_LISTED_FAULTS = 5;
    /** Prefix of the JDK parser's limit faults (attributes per element, name length, entity sizes). */
    private static final String JDK_LIMIT = "JAXP0001";

    private final SchemaRegistry registry;
    private final DocumentBuilderFactory parsers;
    /**
     * Each thread's parser, reused: building a hardened DocumentBuilder (its parser configuration, symbol
     * table and security manager) costs about as much as parsing a small message. reset() before each use.
     */
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(this::newBuilder);
    private final int maxBytes;

    private final SignatureCheck signatures;

    /** A reader that lifts signatures off unverified (tools and tests that read the hub's own output). */
    public ReadMessage(SchemaRegistry registry, int maxBytes) {
        this(registry, maxBytes, SignatureCheck.relaxed());
    }

    public ReadMessage(SchemaRegistry registry, int maxBytes, SignatureCheck signatures) {
        this.registry = registry;
        this.parsers = SecureXml.documentBuilderFactory();
        this.maxBytes = maxBytes;
        this.signatures = signatures;
    }

    /** The outcome: a parsed, valid message, or the reason it cannot be read. */
    public record Result(ParsedMessage message, Rejection rejection) {
        public boolean ok() {
            return rejection == null;
        }
    }

    public Result read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return fail(ErrorCode.EMPTY_MESSAGE, "The message body is empty");
        }
        if (bytes.length > maxBytes) {
            return fail(ErrorCode.MESSAGE_TOO_LARGE, bytes.length + " bytes; at most " + maxBytes + " are accepted");
        }
        if (onlyWhitespace(bytes)) {
            return fail(ErrorCode.EMPTY_MESSAGE, "The message body holds only whitespace");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            return parseFault(e, bytes);
        } catch (SAXException | IOException e) {
            return fail(ErrorCode.MALFORMED_XML, e.getMessage());
        }
        Optional<MessageType> type = typeOf(document);
        if (type.isEmpty()) {
            return unknownType(document);
        }
        SignatureCheck.Outcome signature = signatures.check(document);
        if (!signature.ok()) {
            return new Result(null, signature.rejection());
        }
        return validated(type.get(), document, bytes, signature.signer());
    }

    /**
     * Reads a declaration the hub translated from EDIFACT: type from its namespace and XSD validation (W004), as for
     * XML, but no signature step. EDIFACT carries no XML signature; the channel authenticated the sender before the
     * interchange was translated (see {@link AdmitInterchange}), and only that path calls this method.
     */
    public Result readTranslated(Document document, byte[] serialized) {
        Optional<MessageType> type = typeOf(document);
        return type.isEmpty() ? unknownType(document) : validated(type.get(), document, serialized, null);
    }

    private Optional<MessageType> typeOf(Document document) {
        Element root = document.getDocumentElement();
        return registry.byNamespace(root.getNamespaceURI()).filter(t -> t.rootElement().equals(root.getLocalName()));
    }

    private static Result unknownType(Document document) {
        Element root = document.getDocumentElement();
        return fail(ErrorCode.UNKNOWN_MESSAGE_TYPE, "Root element {" + root.getNamespaceURI() + "}" + root.getLocalName());
    }

    private static Result validated(MessageType type, Document document, byte[] bytes, X509Certificate signer) {
        List<String> faults = SecureXml.validationFaults(type.schema(), new DOMSource(document));
        if (!faults.isEmpty()) {
            return fail(ErrorCode.SCHEMA_INVALID, type.type() + " " + type.version() + ": " + summary(faults));
        }
        return new Result(new ParsedMessage(type, document, bytes, signer), null);
    }

    private DocumentBuilder builder() {
        DocumentBuilder builder = builders.get();
        builder.reset();
        builder.setErrorHandler(null);
        return builder;
    }

    private DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = parsers.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The hardened XML parser cannot be configured", e);
        }
    }

    private static String summary(List<String> faults) {
        String listed = String.join(" | ", faults.subList(0, Math.min(MAX_LISTED_FAULTS, faults.size())));
        int more = faults.size() - MAX_LISTED_FAULTS;
        return more > 0 ? listed + " (and " + more + " more)" : listed;
    }

    private static boolean onlyWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static Result parseFault(SAXParseException e, byte[] bytes) {
        String message = String.valueOf(e.getMessage());
        if (e.getException() instanceof CharConversionException && message.contains("UTF-8")) {
            // the parser places an encoding fault at its buffer's start; report the byte itself
            Optional<InvalidUtf8> invalid = InvalidUtf8.firstIn(bytes);
            if (invalid.isPresent()) {
                return fail(ErrorCode.MALFORMED_XML, invalid.get().detail());
            }
        }
        String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + message;
        if (message.contains("DOCTYPE") || message.contains("DTD")) {
            return fail(ErrorCode.DTD_NOT_ALLOWED, where);
        }
        if (message.contains("maxElementDepth") || message.contains("depth")) {
            return fail(ErrorCode.NESTING_TOO_DEEP, where);
        }
        if (message.startsWith(JDK_LIMIT)) {
            return fail(ErrorCode.MESSAGE_TOO_LARGE, where);
        }
        return fail(ErrorCode.MALFORMED_XML, where);
    }

    private static Result fail(ErrorCode code, String detail) {
        return new Result(null, new Rejection(code, detail));
    }
}
