package org.onewindow.admit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvalidUtf8Test {

    @Test
    void validUtf8HasNoFault() {
        assertThat(InvalidUtf8.firstIn("<a>臺灣 😀</a>\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void theFirstInvalidSequenceIsPlacedByLineAndCharacterColumn() {
        byte[] message = join("<a>\n  <b>臺灣 ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}, "</b>\n</a>".getBytes(
                StandardCharsets.UTF_8));
        InvalidUtf8 fault = InvalidUtf8.firstIn(message).orElseThrow();
        assertThat(fault.line()).isEqualTo(2);
        assertThat(fault.column()).isEqualTo(9);
        assertThat(fault.offset()).isEqualTo(16);
        assertThat(fault.detail()).startsWith("line 2, column 9 (byte 16): invalid UTF-8 byte sequence C3;");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsAFault() {
        InvalidUtf8 fault = InvalidUtf8.firstIn(join("<a/>".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82}))
                .orElseThrow();
        assertThat(fault.column()).isEqualTo(5);
        assertThat(fault.bytes()).isEqualTo("E2 82");
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
