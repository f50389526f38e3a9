package org.onewindow.infra;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size setting such as {@code 1GB}, {@code 512MB}, {@code 64KB} or plain bytes; units are powers of 1024. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?");

    private ByteSize() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write e.g. 1GB, 512MB, 64KB or a number of bytes");
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    }
}
