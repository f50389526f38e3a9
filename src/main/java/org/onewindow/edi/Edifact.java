package org.onewindow.edi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** UNB, any element separator, the syntax identifier, any component separator, the version digit. */
    private static final Pattern SYNTAX_VERSION = Pattern.compile("UNB.UNO[A-Z].(\\d)");

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
        String head = head(body);
        return head.contains("UNOW") || head.contains("UNOY") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** The syntax version number of UNB's syntax identifier (S001/0002, "3" in {@code UNB+UNOC:3}); "3" when not found. */
    public static String syntaxVersion(byte[] body) {
        Matcher version = SYNTAX_VERSION.matcher(head(body));
        return version.find() ? version.group(1) : "3";
    }

    private static String head(byte[] body) {
        return new String(body, 0, Math.min(body.length, HEAD), StandardCharsets.ISO_8859_1);
    }
}
