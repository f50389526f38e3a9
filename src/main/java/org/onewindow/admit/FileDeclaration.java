package org.onewindow.admit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.HubIds;
import org.onewindow.message.MessageKeys;
import org.onewindow.ops.HubMetrics;
import org.onewindow.reply.Rejection;
import org.onewindow.route.DeriveAgencyMessages;
import org.onewindow.route.DerivedMessage;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.store.CaseStore;
import org.onewindow.store.DedupStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;
import org.onewindow.store.TradeCase;

/**
 * Files an admitted message in one database transaction: drops exact re-sends (same sender, message
 * reference and function code: the sender gets the original outcome again), applies what the function
 * code means for the declaration's case (9 opens it — B106 if it exists; 5 replaces it — B103 if it
 * does not, B107 if it is closed; 1 and NX5105D withdraw it), derives one message per responsible
 * agency, stores them with the case and its applications, and claims the dedup key. A connection-test message
 * ({@link Admission#test()}) does all of this in the test world: its own cases and dedup keys, so it neither sees
 * nor touches production.
 */
public final class FileDeclaration {
    private static final Set<String> CLOSED_STATES = Set.of("RELEASED", "CANCELLED");
    /** Prefixes a test message's reference in its dedup key, so a test and a production message never collide. */
    private static final String TEST_REFERENCE = "TEST ";

    private final Jdbc jdbc;
    private final MessageStore messages;
    private final CaseStore cases;
    private final DedupStore dedup;
    private final Outbox outbox;
    private final DeriveAgencyMessages deriver;
    private final SchemaRegistry registry;
    private final RejectMessage reject;
    private final Clock clock;
    private final Duration agencyDeadline;

    public FileDeclaration(Jdbc jdbc, MessageStore messages, CaseStore cases, DedupStore dedup, Outbox outbox,
                           DeriveAgencyMessages deriver, SchemaRegistry registry, RejectMessage reject, Clock clock,
                           Duration agencyDeadline) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.cases = cases;
        this.dedup = dedup;
        this.outbox = outbox;
        this.deriver = deriver;
        this.registry = registry;
        this.reject = reject;
        this.clock = clock;
        this.agencyDeadline = agencyDeadline;
    }

    /**
     * All or nothing, also inside an EDIFACT interchange's transaction: a declaration that fails to file leaves none
     * of its writes behind, whatever the interchange's other declarations did.
     */
    public List<Outgoing> file(Admission admission) {
        return jdbc.inSavepoint(() -> fileInTransaction(admission));
    }

    private List<Outgoing> fileInTransaction(Admission a) {
        MessageKeys keys = a.keys();
        Optional<TradeCase> existing = cases.byDeclarationNo(keys.declarationNo(), a.test()).flatMap(c -> cases.lock(c.caseId()));
        String sender = a.sender() != null ? a.sender() : existing.map(TradeCase::submitter).orElse(null);
        String dedupRef = a.test() ? TEST_REFERENCE + keys.messageRef() : keys.messageRef();
        Optional<String> original = sender == null ? Optional.empty()
                : dedup.holder(sender, dedupRef, keys.functionCode());
        if (original.isPresent()) {
            return resend(a.hubId(), sender, original.get());
        }
        String type = a.type();
        boolean withdrawal = "NX5105D".equals(type) || "1".equals(keys.functionCode());
        if ("NX5105".equals(type) && "9".equals(keys.functionCode()) && existing.isPresent()) {
            return refuse(a, sender, ErrorCode.DECLARATION_ALREADY_FILED, "Declaration " + keys.declarationNo()
                    + " was filed on " + existing.get().createdAt());
        }
        if (("5".equals(keys.functionCode()) || withdrawal) && existing.isEmpty()) {
            return refuse(a, sender, ErrorCode.REPLACEMENT_WITHOUT_CASE, "No declaration " + keys.declarationNo() + " is on file");
        }
        if (existing.isPresent() && CLOSED_STATES.contains(existing.get().state()) && !"9".equals(keys.functionCode())) {
            return refuse(a, sender, ErrorCode.CASE_NOT_OPEN, "Declaration " + keys.declarationNo() + " is "
                    + existing.get().state());
        }
        List<Outgoing> outgoing = withdrawal ? withdraw(a, existing.get()) : route(a, sender, existing);
        if (sender != null) {
            dedup.claim(sender, dedupRef, keys.functionCode(), a.hubId());
        }
        return outgoing;
    }

    private List<Outgoing> route(Admission a, String sender, Optional<TradeCase> existing) {
        boolean combined = "NX5105".equals(a.type());
        long routing = System.nanoTime();
        List<DerivedMessage> derived = combined ? deriver.derive(a.message()) : List.of(deriver.routeStandalone(a.message()));
        HubMetrics.Stage.ROUTE.since(routing);
        String caseId = existing.map(TradeCase::caseId).orElseGet(HubIds::next);
        if (existing.isEmpty()) {
            cases.open(new TradeCase(caseId, a.keys().declarationNo(), combined ? TradeCase.COMBINED : TradeCase.STANDALONE,
                    sender, a.keys().importer(), a.channel(), null, null, null, a.hubId(), clock.instant().plus(agencyDeadline),
                    null, null, a.test()));
        } else if (combined) {
            cases.restart(caseId, a.hubId(), clock.instant().plus(agencyDeadline));
        }
        messages.recordIdentity(a.hubId(), sender, a.type(), a.message().type().version(), a.keys(), caseId, "ADMITTED");
        List<Outgoing> outgoing = new ArrayList<>(derived.size());
        for (DerivedMessage d : derived) {
            Outbox.About about = new Outbox.About(d.messageType(), version(d.messageType()), d.applicationRef(),
                    a.keys().declarationNo(), caseId, a.hubId(), a.hubId());
            Outgoing out = outbox.toAgency(d.agency(), d.queue(), d.document(), about);
            cases.addApplication(caseId, d.agency(), d.messageType(), d.applicationRef(),
                    d.itemNumbers().stream().map(String::valueOf).collect(Collectors.joining(",")), out.hubId());
            outgoing.add(out);
        }
        return outgoing;
    }

    /** Withdraws a case: every application is cancelled and every agency that had a part is told. */
    private List<Outgoing> withdraw(Admission a, TradeCase c) {
        messages.recordIdentity(a.hubId(), c.submitter(), a.type(), a.message().type().version(), a.keys(), c.caseId(), "ADMITTED");
        cases.moveCase(c.caseId(), "CANCELLED", a.hubId());
        List<Outgoing> outgoing = new ArrayList<>();
        Set<String> agencyQueues = messages.ofCase(c.caseId()).stream()
                .filter(m -> MessageStore.OUT.equals(m.direction()) && m.recipient() != null
                        && m.recipient().startsWith(Outbox.AGENCY_QUEUE_PREFIX))
                .map(StoredMessage::recipient).collect(Collectors.toCollection(TreeSet::new));
        cases.applications(c.caseId()).forEach(app -> cases.moveApplication(c.caseId(), app.agency(), "CANCELLED", a.hubId()));
        for (String queue : agencyQueues) {
            Outbox.About about = new Outbox.About(a.type(), a.message().type().version(), a.keys().messageRef(),
                    a.keys().declarationNo(), c.caseId(), a.hubId(), a.hubId());
            outgoing.add(outbox.toAgency(queue.substring(Outbox.AGENCY_QUEUE_PREFIX.length()), queue, a.message().document(), about));
        }
        return outgoing;
    }

    private List<Outgoing> resend(String hubId, String sender, String originalHubId) {
        messages.recordDuplicate(hubId, originalHubId);
        List<Outgoing> outgoing = new ArrayList<>();
        for (StoredMessage reply : messages.causedBy(originalHubId)) {
            if (sender.equals(reply.recipient())) {
                outgoing.add(outbox.again(sender, reply));
            }
        }
        return outgoing;
    }

    private List<Outgoing> refuse(Admission a, String sender, ErrorCode code, String detail) {
        return reject.refused(a.hubId(), sender, a.message(), List.of(new Rejection(code, detail)));
    }

    private String version(String type) {
        return registry.latest(type).map(MessageType::version).orElse(null);
    }
}
