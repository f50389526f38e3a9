package org.onewindow.route;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Test helpers: samples parsed as admission would parse them, and schema checks of derived messages. */
final class RouteSamples {
    static final Path SAMPLES = Path.of("samples");
    /** The published CPT schema set, present next to the repository on development machines. */
    static final Path OFFICIAL = Path.of("..", "shared", "cpt-reference", "schemas", "maindoc");

    private static final Map<String, Optional<Schema>> PUBLISHED = new ConcurrentHashMap<>();
    private static SchemaRegistry registry;

    private RouteSamples() {
    }

    static synchronized SchemaRegistry registry() {
        if (registry == null) {
            registry = SchemaRegistry.bundled();
        }
        return registry;
    }

    /** A sample under samples/, parsed with the hub's hardened parser, typed by its namespace. */
    static ParsedMessage parse(String sample) {
        try {
            byte[] bytes = Files.readAllBytes(SAMPLES.resolve(sample));
            Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            String ns = doc.getDocumentElement().getNamespaceURI();
            MessageType type = registry().byNamespace(ns).orElseThrow(() -> new IllegalStateException("Unknown " + ns));
            return new ParsedMessage(type, doc, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse sample " + sample, e);
        }
    }

    /** The published schema of a message type, if the reference set is present; compiled once. */
    static Optional<Schema> official(String type) {
        return PUBLISHED.computeIfAbsent(type, RouteSamples::compilePublished);
    }

    private static Optional<Schema> compilePublished(String type) {
        Path file = OFFICIAL.resolve(type + ".xsd");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SchemaFactory factory = SecureXml.schemaFactory();
            return Optional.of(factory.newSchema(file.toFile()));
        } catch (SAXException e) {
            throw new IllegalStateException("The published schema " + file + " does not compile", e);
        }
    }

    /** Every validation error of the document under the schema; empty when it is valid. */
    static List<String> errors(Schema schema, Document doc) {
        List<String> errors = new ArrayList<>();
        Validator validator = SecureXml.validator(schema);
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        try {
            validator.validate(new DOMSource(doc));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }
}
