package org.onewindow.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.message.Dom;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/** Every valid EDIFACT sample translates to its XML twin, exactly (whitespace and comments aside), and is schema-valid. */
class TranslateCusdecTest {
    private final ReadInterchange reader = new ReadInterchange(EdifactGuides.bundled());
    private final TranslateCusdec translator = new TranslateCusdec();

    @ParameterizedTest
    @CsvSource({
        "single-declaration.edi, 0, single-declaration.xml",
        "two-declarations.edi, 0, two-declarations-1.xml",
        "two-declarations.edi, 1, two-declarations-2.xml",
    })
    void translatesToTheXmlTwin(String edi, int message, String twin) throws Exception {
        Interchange interchange = reader.read(Files.readAllBytes(Path.of("samples/EDIFACT/valid", edi)));
        assertThat(interchange.errors()).isEmpty();
        EdifactMessage cusdec = interchange.messages().get(message);
        assertThat(cusdec.errors()).isEmpty();

        Document translated = translator.translate(cusdec);

        Diff diff = DiffBuilder.compare(Files.readAllBytes(Path.of("samples/EDIFACT/valid", twin)))
                .withTest(Dom.serialize(translated)).ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
        List<String> faults = SecureXml.validationFaults(SchemaRegistry.bundled().byNamespace(TranslateCusdec.NAMESPACE)
                .orElseThrow().schema(), new DOMSource(translated));
        assertThat(faults).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"20250203, 102, 2025-02-03", "202502030915, 203, 2025-02-03T09:15:00", "03022025, 101, 03022025"})
    void datesFollowTheirFormatQualifier(String value, String format, String expected) {
        Segment dtm = new Segment("DTM", 3, null, 0, List.of(List.of("182", value, format)));
        assertThat(TranslateCusdec.date(java.util.Optional.of(dtm))).isEqualTo(expected);
    }
}
