package org.onewindow.reply;

import java.util.Objects;

/**
 * The message a rejection answers, as far as the hub could read it: its hub id (always known, given at
 * intake), and, when it could be parsed, its message type, the sender's message reference (訊息編號) and
 * the 14-character declaration number. Unknown parts are null.
 */
public record RejectedMessage(String hubId, String messageType, String messageRef, String declarationNo) {

    public RejectedMessage {
        Objects.requireNonNull(hubId, "hubId");
    }
}
