package org.onewindow.store;

import java.time.Instant;

/** One agency's part of a case: what it was sent, where it stands, and its first verdict. */
public record AgencyApplication(
        String caseId,
        String agency,
        String messageType,
        String applicationRef,
        String itemNumbers,
        String state,
        String firstVerdict,
        String verdictCodes,
        boolean silenceReported,
        Instant updatedAt) {
}
