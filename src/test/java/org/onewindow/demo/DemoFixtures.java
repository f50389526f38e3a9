package org.onewindow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.onewindow.message.Dom;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.OfficialSchemas;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Test support for the demo agencies and the reply reader: the valid samples under {@code samples/<TYPE>/valid}
 * (or the directory named by {@code onewindow.samples}) parsed as the hub parses them, variants of them that
 * provoke an outcome, and validation of replies against our schemas and the official published ones
 * ({@code ../shared/cpt-reference/schemas}, or {@code onewindow.cpt-reference}; skipped when absent).
 */
public final class DemoFixtures {
    private static final Path SAMPLES = Path.of(System.getProperty("onewindow.samples", "samples"));

    private DemoFixtures() {
    }

    /** The valid sample files of a type, sorted; fails when there are none. */
    public static List<Path> sampleFiles(String type) {
        Path dir = SAMPLES.resolve(type).resolve("valid");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> xml = files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
            assertThat(xml).as("valid %s samples in %s", type, dir.toAbsolutePath()).isNotEmpty();
            return xml;
        } catch (IOException e) {
            throw new UncheckedIOException("No valid " + type + " samples in " + dir.toAbsolutePath(), e);
        }
    }

    /** The first valid sample of a type, parsed. */
    public static ParsedMessage sample(String type) {
        return read(sampleFiles(type).get(0));
    }

    public static ParsedMessage read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses with the hub's hardened parser, finds the type by namespace and checks it is valid under ours. */
    public static ParsedMessage parse(byte[] bytes) {
        try {
            Document doc = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            String namespace = doc.getDocumentElement().getNamespaceURI();
            MessageType type = SchemaRegistry.bundled().byNamespace(namespace).orElseThrow(() -> new AssertionError("unknown namespace " + namespace));
            validate(type.schema(), bytes);
            return new ParsedMessage(type, doc, bytes);
        } catch (Exception e) {
            throw new AssertionError("Cannot read message: " + e.getMessage(), e);
        }
    }

    /** The message as the wire would carry it after {@code change} edits a copy of its DOM. */
    public static ParsedMessage edited(ParsedMessage message, Consumer<Element> change) {
        Document copy = parse(message.original()).document();
        change.accept(copy.getDocumentElement());
        return parse(Dom.serialize(copy));
    }

    /** The message with {@code keyword} added to the goods description of its items at these positions (0-based). */
    public static ParsedMessage withItemKeyword(ParsedMessage message, String keyword, int... positions) {
        return edited(message, root -> {
            List<Element> items = Dom.all(root, "GoodsShipment", "GovernmentAgencyGoodsItem");
            for (int position : positions) {
                Element commodity = Dom.child(items.get(position), "Commodity").orElseThrow();
                Element text = Stream.of("tw_EnglishDescription", "Description", "tw_ChineseDescription")
                        .map(name -> Dom.child(commodity, name).orElse(null))
                        .filter(e -> e != null)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("item " + position + " has no description"));
                text.setTextContent(text.getTextContent().strip() + " " + keyword);
            }
        });
    }

    /** The message with the declaration number's serial (its last five characters) replaced. */
    public static ParsedMessage withSerial(ParsedMessage message, String serial) {
        return edited(message, root -> {
            Element id = Dom.child(root, "ID").orElseThrow();
            String no = id.getTextContent();
            id.setTextContent(no.substring(0, no.length() - 5) + serial);
        });
    }

    /** The item sequence numbers of a received message, in document order. */
    public static List<Integer> itemNumbers(ParsedMessage message) {
        return Dom.all(message.root(), "GoodsShipment", "GovernmentAgencyGoodsItem").stream()
                .map(e -> Integer.valueOf(Dom.text(e, "SequenceNumeric")))
                .toList();
    }

    /** Valid under our schema of the document's namespace, which must be the newest version of {@code type}. */
    public static void assertValidUnderOurs(String type, Document doc) {
        String namespace = doc.getDocumentElement().getNamespaceURI();
        MessageType type0 = SchemaRegistry.bundled().byNamespace(namespace).orElseThrow(() -> new AssertionError("our schemas know no namespace " + namespace));
        assertThat(type0.type()).isEqualTo(type);
        assertThat(SchemaRegistry.bundled().latest(type)).contains(type0);
        validate(type0.schema(), Dom.serialize(doc));
    }

    /** Valid under the official published schema of {@code type}; skipped when the reference set is absent. */
    public static void assertValidUnderOfficial(String type, Document doc) {
        validate(OfficialSchemas.required(type), Dom.serialize(doc));
    }

    /** The type a document's namespace names under our schemas. */
    public static String typeOf(Document doc) {
        return SchemaRegistry.bundled().byNamespace(doc.getDocumentElement().getNamespaceURI()).map(MessageType::type).orElse("?");
    }

    private static void validate(Schema schema, byte[] wire) {
        try {
            SecureXml.validator(schema).validate(new StreamSource(new ByteArrayInputStream(wire)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("Invalid: " + e.getMessage() + "\n" + new String(wire, StandardCharsets.UTF_8), e);
        }
    }
}
