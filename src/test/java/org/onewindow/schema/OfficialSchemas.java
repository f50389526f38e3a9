package org.onewindow.schema;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/**
 * Test support: the official published CPT schema set, read from {@code ../shared/cpt-reference/schemas} or the
 * directory named by the system property {@code onewindow.cpt-reference}. A message type's schema is
 * {@code maindoc/<TYPE>.xsd}, compiled once with the hub's {@linkplain SecureXml#schemaFactory() schema factory};
 * tests skip their official checks when the set is absent, and fail when a schema in it does not compile.
 */
public final class OfficialSchemas {
    /** Where the published set is expected. */
    public static final Path DIRECTORY = Path.of(System.getProperty("onewindow.cpt-reference", "../shared/cpt-reference/schemas"));

    private static final Map<String, Optional<Schema>> COMPILED = new ConcurrentHashMap<>();

    private OfficialSchemas() {
    }

    /** The published schema of a message type, compiled once; empty when the set has no schema for it. */
    public static Optional<Schema> of(String type) {
        return COMPILED.computeIfAbsent(type, OfficialSchemas::compile);
    }

    /** The published schema of a message type; the calling test is skipped when the set has none. */
    public static Schema required(String type) {
        Optional<Schema> schema = of(type);
        assumeTrue(schema.isPresent(), "the official schema set is not at " + DIRECTORY.toAbsolutePath());
        return schema.get();
    }

    private static Optional<Schema> compile(String type) {
        Path file = DIRECTORY.resolve("maindoc").resolve(type + ".xsd");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecureXml.schemaFactory().newSchema(file.toFile()));
        } catch (SAXException e) {
            throw new IllegalStateException("The official " + type + " schema " + file + " does not compile", e);
        }
    }
}
