package org.onewindow.store;

import java.time.Instant;

/**
 * A declaration's case: who filed it, over which channel, and where it stands; {@code test}: a connection-test
 * case, invisible to production queries and figures.
 */
public record TradeCase(
        String caseId,
        String declarationNo,
        String kind,
        String submitter,
        String importer,
        String channel,
        String state,
        String mergedAck,
        String customsSelection,
        String declarationHubId,
        Instant verdictDueAt,
        Instant createdAt,
        Instant updatedAt,
        boolean test) {

    public static final String COMBINED = "COMBINED";
    public static final String STANDALONE = "STANDALONE";

    public boolean combined() {
        return COMBINED.equals(kind);
    }
}
