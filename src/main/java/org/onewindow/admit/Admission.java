package org.onewindow.admit;

import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;

/**
 * A message that passed reading and the business rules, with who sent it and over which channel; {@code test}: a
 * connection-test message, filed in the test world.
 */
public record Admission(String hubId, String channel, String sender, ParsedMessage message, MessageKeys keys, boolean test) {

    public String type() {
        return message.type().type();
    }
}
