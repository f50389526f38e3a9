package org.onewindow.edi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EdifactTest {
    @Test
    void anInterchangeIsRecognisedByItsFirstSegmentWhateverItsMediaType() {
        assertThat(Edifact.isEdifact("UNA:+.? 'UNB+UNOC:3+A+B+250203:0915+1'".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(Edifact.isEdifact("\r\n  UNB+UNOA:2+A+B+250203:0915+1'".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(Edifact.isEdifact("<?xml version=\"1.0\"?><UNB/>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Edifact.isEdifact("UN".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Edifact.isEdifact(new byte[0])).isFalse();
    }

    @Test
    void theMediaTypeOfRfc1767MatchesInAnyCaseWithParameters() {
        assertThat(Edifact.isMediaType("application/EDIFACT")).isTrue();
        assertThat(Edifact.isMediaType("application/edifact; charset=iso-8859-1")).isTrue();
        assertThat(Edifact.isMediaType("application/xml")).isFalse();
        assertThat(Edifact.isMediaType(null)).isFalse();
    }

    @Test
    void syntaxFourUnicodeLevelsAreReadAsUtf8AndTheOthersAsLatin1() {
        assertThat(Edifact.charset("UNB+UNOW:4+A+B+20250203:0915+1'".getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Edifact.charset("UNB+UNOC:3+A+B+250203:0915+1'".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theSyntaxVersionComesFromUnbWhateverTheSeparators() {
        assertThat(Edifact.syntaxVersion("UNA*|.? 'UNB|UNOW*4|A|B|20250203*0915|1'".getBytes(StandardCharsets.UTF_8))).isEqualTo("4");
        assertThat(Edifact.syntaxVersion("UNB+UNOC:3+A+B+250203:0915+1'".getBytes(StandardCharsets.UTF_8))).isEqualTo("3");
        assertThat(Edifact.syntaxVersion("UNB+".getBytes(StandardCharsets.UTF_8))).isEqualTo("3");
    }

    @Test
    void aSyntaxFourUtf8InterchangeReadsLikeItsSyntaxThreeSample() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("samples/EDIFACT/valid/single-declaration.edi"),
                StandardCharsets.ISO_8859_1);
        // syntax 4 reads the fourth UNA character as the repetition separator: a blank there would split "CA  14K…"
        byte[] v4 = sample.replace("UNA:+.? '", "UNA:+.?*'").replace("UNB+UNOC:3+16151437+HUB+250203:0915+", "UNB+UNOY:4+16151437+HUB+20250203:0915+")
                .getBytes(StandardCharsets.UTF_8);

        Interchange interchange = new ReadInterchange(EdifactGuides.bundled()).read(v4);

        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.syntaxVersion()).isEqualTo("4");
        assertThat(interchange.messages()).singleElement().satisfies(m -> assertThat(m.errors()).isEmpty());
    }

    @Test
    void anUnreadableInterchangeIsOneEnvelopeErrorNotAnException() {
        Interchange interchange = new ReadInterchange(EdifactGuides.bundled()).read("UNB+XYZ'".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(interchange.envelopeValid()).isFalse();
        assertThat(interchange.messages()).isEmpty();
    }
}
