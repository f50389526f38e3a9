package org.onewindow.admit;

import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;

/** A message that passed reading and the business rules, with who sent it and over which channel. */
public record Admission(String hubId, String channel, String sender, ParsedMessage message, MessageKeys keys) {

    public String type() {
        return message.type().type();
    }
}
