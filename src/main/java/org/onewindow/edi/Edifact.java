package org.onewindow.edi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises UN/EDIFACT: a body that starts (after optional whitespace) with the service string advice UNA or
 * the interchange header UNB, whatever media type it came with, and the media type {@code application/EDIFACT}
 * (RFC 1767) at the HTTP intake. Also names the character set an interchange is read in.
 */
public final class Edifact {
    /** The media type of RFC 1767; matched case-insensitively. */
    public static final String MEDIA_TYPE = "application/edifact";
    /** The value of {@code message.syntax} for EDIFACT messages, in and out. */
    public static final String SYNTAX = "EDI";

    private static final int HEAD = 64;

    private Edifact() {
    }

    public static boolean isEdifact(byte[] body) {
        if (body == null) {
            return false;
        }
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\r' || body[i] == '\n' || body[i] == '\t')) {
            i++;
        }
        return body.length - i >= 3 && body[i] == 'U' && body[i + 1] == 'N' && (body[i + 2] == 'A' || body[i + 2] == 'B');
    }

    public static boolean isMediaType(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * The character set of an interchange, from its syntax identifier in UNB: UNOW and UNOY (syntax version 4) are
     * UTF-8; UNOA to UNOC are read as ISO 8859-1, of which UNOA and UNOB are subsets.
     */
    public static Charset charset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.ISO_8859_1);
        return head.contains("UNOW") || head.contains("UNOY") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }
}
