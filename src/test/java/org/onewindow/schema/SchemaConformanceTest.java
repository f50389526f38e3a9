package org.onewindow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Our schemas accept exactly what the published CPT schemas accept: every valid sample passes both,
 * every W004 sample fails both, every business-fault (B…) sample passes both, and the wire faults
 * (W001 not well-formed, W002 DOCTYPE, W003 unknown namespace) are caught before validation. The
 * published set is read from {@link OfficialSchemas#DIRECTORY}; without it those checks are skipped.
 */
class SchemaConformanceTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final List<String> TYPES_WITH_SAMPLES = List.of("NX5105", "NX5105D", "NX5106", "NX601", "NX602",
            "NX301_DN", "NX302_DN", "NX401", "NX402", "NX901", "NX902", "NX903", "N5107", "N5110", "N5116");

    private static SchemaRegistry ours;
    private static SchemaRegistry official;

    @BeforeAll
    static void compileSchemas() {
        ours = SchemaRegistry.bundled();
        official = Files.isDirectory(OfficialSchemas.DIRECTORY) ? SchemaRegistry.fromDirectory(OfficialSchemas.DIRECTORY) : null;
    }

    static Stream<String> validSamples() {
        return samples(p -> p.getParent().getFileName().toString().equals("valid"));
    }

    static Stream<String> schemaInvalidSamples() {
        return invalidSamples("W004-");
    }

    static Stream<String> businessFaultSamples() {
        return invalidSamples("B");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void validSampleIsValidUnderOursAndThePublishedSchema(String sample) {
        Document document = parse(sample);
        assertThat(faults(ours, document)).as("under our schema").isEmpty();
        assumeOfficialSet();
        assertThat(faults(official, document)).as("under the published schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaInvalidSamples")
    void schemaFaultFailsOursAndThePublishedSchema(String sample) {
        Document document = parse(sample);
        assertThat(faults(ours, document)).as("under our schema").isNotEmpty();
        assumeOfficialSet();
        assertThat(faults(official, document)).as("under the published schema").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("businessFaultSamples")
    void businessFaultIsSchemaValid(String sample) {
        Document document = parse(sample);
        assertThat(faults(ours, document)).as("under our schema").isEmpty();
        assumeOfficialSet();
        assertThat(faults(official, document)).as("under the published schema").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWellFormedSamples")
    void notWellFormedSampleFailsToParse(String sample) {
        assertThatThrownBy(() -> parseOrThrow(sample))
                .isInstanceOf(SAXParseException.class)
                .message().doesNotContain("DOCTYPE");
    }

    static Stream<String> notWellFormedSamples() {
        return invalidSamples("W001-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doctypeSamples")
    void doctypeIsRefusedByTheHardenedParser(String sample) {
        assertThatThrownBy(() -> parseOrThrow(sample))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    static Stream<String> doctypeSamples() {
        return invalidSamples("W002-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownTypeSamples")
    void unknownNamespaceNamesNoMessageType(String sample) {
        String namespace = parse(sample).getDocumentElement().getNamespaceURI();
        assertThat(ours.byNamespace(namespace)).isEmpty();
        assumeOfficialSet();
        assertThat(official.byNamespace(namespace)).isEmpty();
    }

    static Stream<String> unknownTypeSamples() {
        return invalidSamples("W003-");
    }

    @Test
    void everyInvalidSampleIsNamedAfterAKnownCode() {
        List<String> unnamed = samples(p -> p.getParent().getFileName().toString().equals("invalid"))
                .filter(s -> !Path.of(s).getFileName().toString().matches("(W00[1-4]|B10[1-5])-[a-z0-9-]+\\.xml"))
                .toList();
        assertThat(unnamed).isEmpty();
    }

    @Test
    void everyRequiredTypeHasAValidSample() {
        List<String> typesWithValidSamples = validSamples().map(s -> Path.of(s).getName(0).toString()).distinct().toList();
        assertThat(typesWithValidSamples).containsAll(TYPES_WITH_SAMPLES);
    }

    @Test
    void publishedDirectoryYieldsTheBundledTypesUnderTheSameNamespaces() {
        assumeOfficialSet();
        assertThat(describe(official)).containsExactlyInAnyOrderElementsOf(describe(ours));
    }

    @Test
    void bundledIndexListsEveryMessageSchemaInTheSchemasDirectory() {
        assertThat(describe(SchemaRegistry.fromDirectory(Path.of("schemas")))).containsExactlyInAnyOrderElementsOf(describe(ours));
        assertThat(describe(ours)).containsAll(TYPES_WITH_SAMPLES.stream().map(t -> ours.latest(t).orElseThrow())
                .map(SchemaConformanceTest::describe).toList());
    }

    @Test
    void latestFindsTheCurrentVersion() {
        assertThat(ours.latest("NX5105")).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo("R-08-00");
            assertThat(t.namespace()).isEqualTo("urn:wco:datamodel:TW:NX5105:R-08-00");
            assertThat(t.rootElement()).isEqualTo("Declaration");
        });
        assertThat(ours.latest("NX999")).isEmpty();
    }

    private static void assumeOfficialSet() {
        assumeTrue(official != null, "published CPT schemas not found at " + OfficialSchemas.DIRECTORY.toAbsolutePath().normalize());
    }

    private static List<String> describe(SchemaRegistry registry) {
        return registry.all().stream().map(SchemaConformanceTest::describe).collect(Collectors.toList());
    }

    private static String describe(MessageType type) {
        return type.type() + " " + type.version() + " " + type.namespace() + " " + type.rootElement();
    }

    private static Stream<String> invalidSamples(String prefix) {
        return samples(p -> p.getParent().getFileName().toString().equals("invalid")
                && p.getFileName().toString().startsWith(prefix));
    }

    private static Stream<String> samples(Predicate<Path> filter) {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".xml")).filter(filter).sorted()
                    .map(p -> SAMPLES.relativize(p).toString().replace('\\', '/'))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(String sample) {
        try {
            return parseOrThrow(sample);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new AssertionError(sample + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Document parseOrThrow(String sample) throws SAXException, IOException, ParserConfigurationException {
        var builder = SecureXml.documentBuilderFactory().newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(SAMPLES.resolve(sample).toFile());
    }

    /** Every validation fault of the document under the registry's schema for its namespace. */
    private static List<String> faults(SchemaRegistry registry, Document document) {
        String namespace = document.getDocumentElement().getNamespaceURI();
        MessageType type = registry.byNamespace(namespace).orElse(null);
        if (type == null) {
            return List.of("no message type for namespace " + namespace);
        }
        if (!type.rootElement().equals(document.getDocumentElement().getLocalName())) {
            return List.of("root element " + document.getDocumentElement().getLocalName() + " is not " + type.rootElement());
        }
        return SecureXml.validationFaults(type.schema(), new DOMSource(document));
    }
}
