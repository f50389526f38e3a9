package org.onewindow.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.onewindow.admit.AuthenticateSender;
import org.onewindow.admit.ReadMessage;
import org.onewindow.admit.RejectMessage;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.deliver.RedeliveryGuard;
import org.onewindow.deliver.RedeliveryId;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;
import org.onewindow.ops.HubMetrics;
import org.onewindow.ops.MessageLogContext;
import org.onewindow.party.PartyKind;
import org.onewindow.reply.Rejection;
import org.onewindow.store.AgencyApplication;
import org.onewindow.store.CaseStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.StoreException;
import org.onewindow.store.MessageStore;
import org.onewindow.store.TradeCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correlates one agency reply with its case: stores it, matches it by application reference (訊息編號)
 * or, for customs, by declaration number (A202 back to the agency when nothing matches), moves the
 * application and the declaration through their states, forwards the reply to the submitter, and
 * sends the merged NX5106 when this was the last first verdict. The body becomes the outgoing list.
 */
public final class CorrelateReply implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelateReply.class);
    /** Agency code of customs, whose "application" is the declaration itself. */
    public static final String CUSTOMS = "customs";
    /** The channel agency replies arrive on, as the metrics name it. */
    private static final String CHANNEL = "AGENCY";

    /** What each kind of reply does to the application, and which first verdict it implies. */
    private record Effect(String applicationState, String impliedVerdict) {
    }

    private static final Map<AgencyReply.Kind, Effect> EFFECTS = new EnumMap<>(Map.of(
            AgencyReply.Kind.RECEIVED, new Effect("RECEIVED", "Y"),
            AgencyReply.Kind.NOTICE, new Effect("ASSIGNED", "Y"),
            AgencyReply.Kind.ERROR, new Effect("CANCELLED", "N"),
            AgencyReply.Kind.RESULT, new Effect("CLOSED", "Y"),
            AgencyReply.Kind.CUSTOMS_SELECTION, new Effect("RECEIVED", "Y"),
            AgencyReply.Kind.DUTIES, new Effect("RECEIVED", "Y"),
            AgencyReply.Kind.RELEASE, new Effect("CLOSED", "Y")));

    /** Replies are accepted only when signed by an agency, the one the reply comes from. */
    private static final Set<PartyKind> AGENCIES = Set.of(PartyKind.AGENCY);

    private final Jdbc jdbc;
    private final ReadMessage reader;
    private final AgencyReplyReader replies;
    private final MessageStore messages;
    private final CaseStore cases;
    private final Outbox outbox;
    private final RejectMessage reject;
    private final MergeAcknowledgement merge;
    private final RedeliveryGuard redelivery;
    private final AuthenticateSender senders;

    public CorrelateReply(Jdbc jdbc, ReadMessage reader, AuthenticateSender senders, AgencyReplyReader replies, MessageStore messages, CaseStore cases,
                          Outbox outbox, RejectMessage reject, MergeAcknowledgement merge, RedeliveryGuard redelivery) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.senders = senders;
        this.replies = replies;
        this.messages = messages;
        this.cases = cases;
        this.outbox = outbox;
        this.reject = reject;
        this.merge = merge;
        this.redelivery = redelivery;
    }

    @Override
    public void process(Exchange exchange) {
        String agency = exchange.getIn().getHeader(Headers.AGENCY, String.class);
        boolean test = Boolean.TRUE.equals(exchange.getIn().getHeader(Headers.TEST, Boolean.class));
        byte[] body = exchange.getIn().getBody(byte[].class);
        // the broker's message id (and the body) names the reply, so a redelivery is recognised as the same reply
        String hubId = RedeliveryId.of(exchange.getIn().getHeader("JMSMessageID", String.class),
                exchange.getIn().getHeader("JMSTimestamp", 0L, Long.class), body);
        long started = System.nanoTime();
        MessageLogContext.put(MessageLogContext.HUB_ID, hubId);
        try {
            exchange.getIn().setBody(jdbc.inTransaction(() -> correlate(hubId, agency, body, test)));
        } catch (StoreException e) {
            throw e; // transient: roll back and let the broker redeliver
        } catch (RuntimeException e) {
            // a fault of the hub on this reply: retrying cannot help, so keep it and tell the agency
            LOG.error("Could not correlate a reply from {}", agency, e);
            exchange.getIn().setBody(jdbc.inTransaction(() -> {
                messages.saveInbound(hubId, "AGENCY", agency, body);
                return reject.unreadable(hubId, agency, new Rejection(ErrorCode.INTERNAL_ERROR,
                        "Quote hub id " + hubId + " to the hub's operator"));
            }));
        } finally {
            HubMetrics.Stage.CORRELATE.since(started);
        }
    }

    /** {@code test}: a reply from the connection test's demo agencies, matched with test cases only. */
    List<Outgoing> correlate(String hubId, String agency, byte[] body, boolean test) {
        Optional<List<Outgoing>> again = redelivery.alreadyProcessed(hubId);
        if (again.isPresent()) {
            return again.get();
        }
        messages.saveInbound(hubId, "AGENCY", agency, body);
        ReadMessage.Result read = reader.read(body);
        HubMetrics.messageIn(read.ok() ? read.message().type().type() : null, CHANNEL);
        if (!read.ok()) {
            return reject.unreadable(hubId, agency, read.rejection());
        }
        ParsedMessage parsed = read.message();
        AuthenticateSender.Result who = senders.authenticate(parsed, agency, agency, Instant.now(), AGENCIES);
        if (!who.ok()) {
            return reject.refused(hubId, agency, parsed, List.of(who.rejection()));
        }
        if (!replies.isReply(parsed.type().type())) {
            return reject.refused(hubId, agency, parsed, List.of(new Rejection(ErrorCode.NOT_ACCEPTED_FROM_SENDER,
                    parsed.type().type() + " is not an agency reply; agencies answer with " + replies.replyTypes())));
        }
        AgencyReply reply = replies.read(parsed, agency);
        Optional<TradeCase> tradeCase = cases.byDeclarationNo(reply.declarationNo(), test).flatMap(c -> cases.lock(c.caseId()));
        Optional<AgencyApplication> application = tradeCase.flatMap(c -> matching(c, reply));
        if (application.isEmpty()) {
            return reject.refused(hubId, agency, parsed, List.of(new Rejection(ErrorCode.REPLY_UNMATCHED,
                    "No application " + reply.applicationRef() + " for declaration " + reply.declarationNo())));
        }
        TradeCase c = tradeCase.get();
        MessageLogContext.put(MessageLogContext.CASE_ID, c.caseId());
        messages.recordIdentity(hubId, agency, parsed.type().type(), parsed.type().version(), MessageKeys.of(parsed),
                c.caseId(), "CORRELATED");
        apply(c, application.get().agency(), reply, hubId);
        List<Outgoing> outgoing = new ArrayList<>(2);
        Outgoing forward = outbox.toParty(c.submitter(), c.channel(), parsed.document(), new Outbox.About(parsed.type().type(),
                parsed.type().version(), reply.applicationRef(), c.declarationNo(), c.caseId(), c.declarationHubId(), hubId));
        if (forward != null) {
            outgoing.add(forward);
        }
        merge.ifComplete(cases.byId(c.caseId()).orElseThrow(), hubId).ifPresent(outgoing::add);
        return outgoing;
    }

    /** The application a reply answers: the one with its 訊息編號, else the answering agency's own. */
    private Optional<AgencyApplication> matching(TradeCase c, AgencyReply reply) {
        if (reply.applicationRef() == null) {
            return cases.application(c.caseId(), reply.agency());
        }
        return cases.applications(c.caseId()).stream()
                .filter(a -> reply.applicationRef().equals(a.applicationRef())).findFirst();
    }

    private void apply(TradeCase c, String agency, AgencyReply reply, String hubId) {
        Effect effect = EFFECTS.get(reply.kind());
        cases.moveApplication(c.caseId(), agency, effect.applicationState(), hubId);
        String verdict = reply.verdict() != null && reply.kind() != AgencyReply.Kind.RESULT ? reply.verdict() : effect.impliedVerdict();
        cases.claimFirstVerdict(c.caseId(), agency, verdict, ItemCodes.format(reply.itemStatus()));
        if (CUSTOMS.equals(agency)) {
            applyCustoms(c, reply, hubId);
        }
    }

    /** Customs' selection and release move the declaration itself, once it has been acknowledged. */
    private void applyCustoms(TradeCase c, AgencyReply reply, String hubId) {
        String selection = reply.selection() != null ? reply.selection()
                : reply.kind() == AgencyReply.Kind.RELEASE && c.customsSelection() == null ? "C1" : null;
        if (selection != null) {
            cases.recordSelection(c.caseId(), selection);
        }
        if (!"Y".equals(c.mergedAck())) {
            return;
        }
        if (selection != null) {
            cases.moveCase(c.caseId(), selection, hubId);
        }
        if (reply.kind() == AgencyReply.Kind.RELEASE) {
            cases.moveCase(c.caseId(), "RELEASED", hubId);
        }
    }
}
