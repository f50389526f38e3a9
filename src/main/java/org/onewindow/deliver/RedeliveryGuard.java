package org.onewindow.deliver;

import java.util.List;
import java.util.Optional;
import org.onewindow.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumed message can come back after its work was committed to the database but before the
 * broker took its sends (a crash, a broker fault between the two commits). Such a message is not
 * processed again — that would open a second case or send a second reply — and not dropped either:
 * what its processing produced is queued again, under the same hub ids.
 */
public final class RedeliveryGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RedeliveryGuard.class);
    private static final String NOT_YET_PROCESSED = "RECEIVED";

    private final MessageStore messages;
    private final Outbox outbox;

    public RedeliveryGuard(MessageStore messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    /** The outputs to queue again when this inbound message was already processed; empty when it was not. */
    public Optional<List<Outgoing>> alreadyProcessed(String hubId) {
        return messages.find(hubId)
                .filter(m -> !NOT_YET_PROCESSED.equals(m.status()))
                .map(m -> {
                    List<Outgoing> again = outbox.replay(hubId);
                    LOG.warn("Message {} came back after it was processed ({}); queuing its {} outputs again",
                            hubId, m.status(), again.size());
                    return again;
                });
    }
}
