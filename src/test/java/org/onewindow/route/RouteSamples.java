package org.onewindow.route;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;

/** Test helpers: samples parsed as admission would parse them, and schema checks of derived messages. */
final class RouteSamples {
    static final Path SAMPLES = Path.of("samples");

    private RouteSamples() {
    }

    /** A sample under samples/, parsed with the hub's hardened parser, typed by its namespace. */
    static ParsedMessage parse(String sample) {
        try {
            byte[] bytes = Files.readAllBytes(SAMPLES.resolve(sample));
            Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            String ns = doc.getDocumentElement().getNamespaceURI();
            MessageType type = SchemaRegistry.bundled().byNamespace(ns).orElseThrow(() -> new IllegalStateException("Unknown " + ns));
            return new ParsedMessage(type, doc, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot parse sample " + sample, e);
        }
    }

    /** Every validation error of the document under the schema; empty when it is valid. */
    static List<String> errors(Schema schema, Document doc) {
        return SecureXml.validationFaults(schema, new DOMSource(doc));
    }
}
