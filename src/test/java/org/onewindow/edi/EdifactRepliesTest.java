package org.onewindow.edi;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;

/**
 * CONTRL names the exact segment, element and UN/EDIFACT syntax error code of every broken sample
 * (samples/EDIFACT/invalid/expected.csv); every CONTRL and CUSRES the hub writes reads back free of errors against
 * its own implementation guide and the syntax control schema.
 */
class EdifactRepliesTest {
    private static final EdifactGuides GUIDES = EdifactGuides.bundled();
    private static final Instant AT = Instant.parse("2025-02-03T01:15:00Z");
    private final ReadInterchange reader = new ReadInterchange(GUIDES);
    private final WriteContrl contrl = new WriteContrl(GUIDES);
    private final WriteCusres cusres = new WriteCusres(GUIDES);

    static Stream<String[]> invalidSamples() throws Exception {
        return Files.readAllLines(Path.of("samples/EDIFACT/invalid/expected.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split(",", 3));
    }

    @ParameterizedTest
    @MethodSource("invalidSamples")
    void contrlNamesTheSegmentAndErrorCodeOfEachBrokenSample(String file, String expected, String why) throws Exception {
        Interchange interchange = reader.read(Files.readAllBytes(Path.of("samples/EDIFACT/invalid", file)));

        byte[] report = contrl.write(interchange, null, "16151437", "OW1", AT);

        assertThat(report(report)).as(why).isEqualTo(expected);
        assertThat(guideErrors(report, GUIDES.contrl())).isEmpty();
    }

    @Test
    void aSoundInterchangeIsAcknowledgedMessageByMessage() throws Exception {
        Interchange interchange = reader.read(Files.readAllBytes(Path.of("samples/EDIFACT/valid/two-declarations.edi")));

        byte[] report = contrl.write(interchange, null, "16151437", "OW1", AT);

        assertThat(report(report)).isEqualTo("UCI+KK2502030002+16151437+HUB+7|UCM+1+CUSDEC:D:96B:UN+7|UCM+2+CUSDEC:D:96B:UN+7");
        assertThat(new String(report, StandardCharsets.ISO_8859_1)).startsWith("UNB+UNOC:3+HUB+16151437+250203:0915+OW1'");
    }

    @Test
    void anInterchangeRefusedForItsChannelIsRejectedWhole() throws Exception {
        Interchange interchange = reader.read(Files.readAllBytes(Path.of("samples/EDIFACT/valid/single-declaration.edi")));

        byte[] report = contrl.write(interchange, new SyntaxError(0, "UNB", 0, 0, "17", "no agreement"), "16151437", "OW1", AT);

        assertThat(report(report)).isEqualTo("UCI+KK2502030001+16151437+HUB+4+17+UNB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NX5106/valid/all-agencies-rejected-by-vp.xml", "NX5106/valid/food-liquor-accepted.xml",
        "NX903/valid/dn-silent.xml", "NX901/valid/cd-received.xml", "NX602/valid/cd-passed.xml",
        "N5107/valid/food-liquor-c2.xml", "N5116/valid/food-liquor-released.xml"})
    void everyReplyBecomesACusresValidAgainstItsGuide(String sample) throws Exception {
        Document reply = SecureXml.documentBuilderFactory().newDocumentBuilder().parse(Path.of("samples", sample).toFile());
        String type = sample.substring(0, sample.indexOf('/'));

        byte[] written = cusres.write(reply, type, "16151437", "OW2", AT);

        assertThat(guideErrors(written, GUIDES.cusres())).isEmpty();
        String text = new String(written, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("UNH+1+CUSRES:D:96B:UN'", "BGM+962:::" + type + "+OW2+9'", "DTM+137:202502030915:203'");
    }

    @Test
    void theMergedAcknowledgementCarriesItsVerdictDeclarationAndItemStatuses() throws Exception {
        Document reply = SecureXml.documentBuilderFactory().newDocumentBuilder()
                .parse(Path.of("samples/NX5106/valid/all-agencies-rejected-by-vp.xml").toFile());

        String text = new String(cusres.write(reply, "NX5106", "16151437", "OW2", AT), StandardCharsets.ISO_8859_1);

        assertThat(text).contains("GIS+N'", "RFF+ABT:AA  14K7300103'", "FTX+AAI+++Rejected by VP'", "CST+2'\nGIS+N'\nGIS+V12'");
    }

    /** The segments between UNH and UNT, joined by |. */
    private static String report(byte[] interchange) {
        List<String> lines = Arrays.stream(new String(interchange, StandardCharsets.ISO_8859_1).split("'\\s*"))
                .collect(Collectors.toList());
        int unh = lines.indexOf(lines.stream().filter(l -> l.startsWith("UNH+")).findFirst().orElseThrow());
        int unt = lines.indexOf(lines.stream().filter(l -> l.startsWith("UNT+")).findFirst().orElseThrow());
        return String.join("|", lines.subList(unh + 1, unt));
    }

    /** Every error StAEDI reports reading the interchange back with the guide. */
    static List<String> guideErrors(byte[] interchange, Schema guide) throws Exception {
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(interchange))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    reader.setTransactionSchema(guide);
                } else if (event == EDIStreamEvent.SEGMENT_ERROR || event == EDIStreamEvent.ELEMENT_DATA_ERROR
                        || event == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) {
                    errors.add(reader.getErrorType() + " at " + reader.getLocation().getSegmentTag());
                }
            }
        }
        return errors;
    }
}
