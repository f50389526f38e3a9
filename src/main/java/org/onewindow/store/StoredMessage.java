package org.onewindow.store;

import java.time.Instant;

/** One row of the message store: what came in or went out, and what became of it. */
public record StoredMessage(
        String hubId,
        String direction,
        String channel,
        String sender,
        String recipient,
        String messageType,
        String typeVersion,
        String messageRef,
        String functionCode,
        String declarationNo,
        String caseId,
        String causedBy,
        String status,
        String errorCode,
        String errorText,
        int sizeBytes,
        Instant receivedAt,
        Instant updatedAt,
        String syntax) {
}
