package org.onewindow.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.onewindow.message.Dom;
import org.w3c.dom.Element;

/**
 * Values the demo agencies write into their replies: times in Taiwan local time as the message guides
 * want them, numbers an agency would assign (receipt numbers, permit numbers, payment references) derived
 * from the declaration and application so the same input always gets the same number, and texts fitted
 * to a field's length. Plus the small DOM copying the reply builders share.
 */
final class DemoValues {
    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZONE);

    private DemoValues() {
    }

    /** {@code 2025-11-24T10:15:00}, Taiwan time. */
    static String dateTime(Instant at) {
        return DATE_TIME.format(at);
    }

    /** The Taiwan date {@code days} days after {@code at}: {@code 2025-12-01}. */
    static String date(Instant at, int days) {
        return DATE.format(at.plus(Duration.ofDays(days)));
    }

    /** {@code count} decimal digits derived from the seed parts; the same parts give the same digits. */
    static String digits(int count, String... seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : seed) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] hash = sha.digest();
            StringBuilder out = new StringBuilder(count);
            for (int i = 0; out.length() < count; i++) {
                out.append((hash[i % hash.length] & 0xff) % 10);
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The text on one line and at most {@code max} characters long; null stays null. */
    static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        if (line.length() <= max) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, end);
    }

    /**
     * Copies the named leaf children of {@code source}, those present and not empty, under {@code target}
     * in the order given (the order of the target schema); a null source copies nothing.
     */
    static void copyLeaves(Element target, Element source, String... names) {
        if (source == null) {
            return;
        }
        for (String name : names) {
            String text = Dom.text(source, name);
            if (text != null && !text.isEmpty()) {
                Dom.appendText(target, name, text);
            }
        }
    }

    /**
     * Appends a group named {@code name} holding the named leaves of {@code source}, only when the source
     * has every one of them (each is required in the group); returns whether it was appended.
     */
    static boolean copyGroup(Element target, String name, Element source, String... leaves) {
        if (source == null) {
            return false;
        }
        for (String leaf : leaves) {
            String text = Dom.text(source, leaf);
            if (text == null || text.isEmpty()) {
                return false;
            }
        }
        copyLeaves(Dom.append(target, name), source, leaves);
        return true;
    }

    /** The element at the path below {@code from}, or null. */
    static Element at(Element from, String... path) {
        Optional<Element> found = Dom.path(from, path);
        return found.orElse(null);
    }

    /** The elements at the path below {@code from}, at most {@code max} of them. */
    static List<Element> atMost(int max, Element from, String... path) {
        List<Element> all = Dom.all(from, path);
        return all.size() <= max ? all : all.subList(0, max);
    }
}
