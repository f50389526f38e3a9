package org.onewindow.admit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a message first breaks UTF-8 (W001): the line and column of the first invalid byte sequence,
 * counted in characters as an editor counts them, and the offending bytes. The XML parser reports such
 * faults at the start of its read buffer rather than at the byte itself; this finds the exact place.
 */
record InvalidUtf8(int line, int column, long offset, String bytes) {

    /** The first invalid sequence in {@code message}, or empty when it is all valid UTF-8. */
    static Optional<InvalidUtf8> firstIn(byte[] message) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(message);
        CharBuffer out = CharBuffer.allocate(4096);
        int line = 1;
        int column = 1;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n') {
                    line++;
                    column = 1;
                } else if (!Character.isLowSurrogate(c)) {
                    column++;
                }
            }
            out.clear();
            if (result.isError()) {
                int at = in.position();
                String bad = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(message, at, at + result.length());
                return Optional.of(new InvalidUtf8(line, column, at, bad));
            }
            if (result.isUnderflow()) {
                return Optional.empty(); // with end of input, underflow means every byte was decoded
            }
        }
    }

    /** The readable detail of an NX903: where, and what to fix. */
    String detail() {
        return "line " + line + ", column " + column + " (byte " + offset + "): invalid UTF-8 byte sequence " + bytes
                + "; send the message encoded in UTF-8, as its XML declaration says";
    }
}
