package org.onewindow.conntest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One (message type, reply) pair of the connection test, written {@code NX5105>NX901@CD}: the party's message
 * type, the reply it must get and handle, and the agency whose reply it is ({@code @agency} left out for the
 * hub's own replies, such as the merged acknowledgement NX5106).
 */
public record TestPair(String messageType, String replyType, String agency) {
    private static final Pattern FORM = Pattern.compile("([A-Z0-9_]{1,16})>([A-Z0-9_]{1,16})(?:@([A-Za-z0-9]{1,8}))?");

    /** Reads {@code NX5105>NX901@CD}; IllegalArgumentException saying the form when it is not one. */
    public static TestPair parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a connection-test pair: '" + text
                    + "'; write MESSAGE>REPLY or MESSAGE>REPLY@AGENCY, e.g. NX5105>NX901@CD");
        }
        return new TestPair(m.group(1), m.group(2), m.group(3));
    }

    @Override
    public String toString() {
        return messageType + ">" + replyType + (agency == null ? "" : "@" + agency);
    }
}
