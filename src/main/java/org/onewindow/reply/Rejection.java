package org.onewindow.reply;

import java.time.Duration;
import java.util.Objects;
import org.onewindow.message.ErrorCode;

/**
 * One reason a message is refused: the catalogue code, and the specific, readable detail that tells
 * the sender what to fix (for example "Application 12345675SW2511240001 refers to item 99; the
 * declaration has items 1–60"). The detail may be null when the catalogue text says it all.
 */
public record Rejection(ErrorCode code, String detail) {

    public Rejection {
        Objects.requireNonNull(code, "code");
    }

    /** An agency that has not given its first verdict within the deadline (A201), naming it. */
    public static Rejection agencySilent(String agency, String applicationRef, Duration deadline) {
        String what = applicationRef == null ? "the declaration" : "application " + applicationRef;
        return new Rejection(ErrorCode.AGENCY_SILENT,
                "Agency " + agency + " has not answered " + what + " within " + readable(deadline));
    }

    /** The whole readable text: {@code <code> <catalogue text>: <detail>}, or without the detail when there is none. */
    public String text() {
        String head = code.code() + " " + code.text();
        return detail == null || detail.isBlank() ? head : head + ": " + detail.strip();
    }

    private static String readable(Duration d) {
        long seconds = d.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
