package org.onewindow.store;

import java.time.Instant;

/** One stored transition: the declaration's (agency null) or an agency application's. */
public record CaseEvent(long eventId, String caseId, String agency, String fromState, String toState, String hubId,
                        Instant occurredAt) {
}
