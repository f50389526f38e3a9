package org.onewindow.reply;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Fitting values into the reply messages' fields: texts are made single-line, stripped of characters
 * XML cannot carry, and cut to the field's maximum length with a trailing ellipsis; times are written
 * as the message guides want them ({@code 2011-06-12T12:01:01}, Taiwan local time, no offset).
 */
final class ReplyText {
    /** CPT messages carry local times without an offset; the hub states them in Taiwan time. */
    static final ZoneId HUB_ZONE = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(HUB_ZONE);
    private static final char ELLIPSIS = '…';

    private ReplyText() {
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** The text on one line, at most {@code max} characters; a cut text ends with an ellipsis. Null stays null. */
    static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = singleLine(text);
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * An identifier or code as given, cut to {@code max} characters without an ellipsis (codes are
     * compared, not read); inner blanks are kept (declaration numbers have them), characters XML cannot
     * carry are dropped.
     */
    static String code(String code, int max) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length() && out.length() < max; i++) {
            char c = code.charAt(i);
            if (c == ' ' || !Character.isISOControl(c) && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String singleLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isSurrogate(c) && !validPair(text, i)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
