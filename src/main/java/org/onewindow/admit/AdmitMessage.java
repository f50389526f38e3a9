package org.onewindow.admit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.onewindow.deliver.Outgoing;
import org.onewindow.deliver.RedeliveryGuard;
import org.onewindow.edi.Edifact;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;
import org.onewindow.ops.HubMetrics;
import org.onewindow.ops.MessageLogContext;
import org.onewindow.party.PartyKind;
import org.onewindow.reply.Rejection;
import org.onewindow.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits one stored inbound message: reads it ({@link ReadMessage}, signature included), names the sender
 * from its signature ({@link AuthenticateSender}), checks that a trader may send its type (W008) and that the
 * sender may act for the importer ({@link CheckSender}, T310), applies the declaration rules, and files it
 * ({@link FileDeclaration}). A UN/EDIFACT interchange (detected by its content) goes to {@link AdmitInterchange},
 * which names the sender from the channel and hands each translated declaration back to the same checks and
 * filing. The exchange body becomes the list of {@link Outgoing} messages to queue:
 * derived agency messages, or the rejection reply. A database fault propagates (the broker redelivers);
 * any other fault while filing is the hub's own (S901), answered at once rather than retried.
 */
public final class AdmitMessage implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(AdmitMessage.class);
    /** Message types a trader or broker may submit to the hub. */
    /** Who may submit them: traders for themselves, brokers for the importers that delegated them. */
    private static final Set<PartyKind> SENDER_KINDS = Set.of(PartyKind.TRADER, PartyKind.BROKER);
    private static final Set<String> TRADER_TYPES = Set.of("NX5105", "NX5105D", "NX601", "NX301_DN", "NX401");

    private final ReadMessage reader;
    private final List<DeclarationRule> rules;
    private final FileDeclaration filing;
    private final RejectMessage reject;
    private final RedeliveryGuard redelivery;
    private final AuthenticateSender senders;
    private final CheckSender delegations;
    private final AdmitInterchange interchanges;

    public AdmitMessage(ReadMessage reader, AuthenticateSender senders, CheckSender delegations, List<DeclarationRule> rules,
                        FileDeclaration filing, RejectMessage reject, RedeliveryGuard redelivery, AdmitInterchange interchanges) {
        this.delegations = delegations;
        this.interchanges = interchanges;
        this.reader = reader;
        this.senders = senders;
        this.rules = List.copyOf(rules);
        this.filing = filing;
        this.reject = reject;
        this.redelivery = redelivery;
    }

    @Override
    public void process(Exchange exchange) {
        String hubId = exchange.getIn().getHeader(Headers.HUB_ID, String.class);
        String sender = exchange.getIn().getHeader(Headers.SENDER, String.class);
        String channel = exchange.getIn().getHeader(Headers.CHANNEL, String.class);
        Long receivedAt = exchange.getIn().getHeader(Headers.RECEIVED_AT, Long.class);
        Instant at = receivedAt == null ? Instant.now() : Instant.ofEpochMilli(receivedAt);
        boolean test = Boolean.TRUE.equals(exchange.getIn().getHeader(Headers.TEST, Boolean.class));
        long started = System.nanoTime();
        MessageLogContext.put(MessageLogContext.HUB_ID, hubId);
        List<Outgoing> outgoing = admit(hubId, sender, channel, at, exchange.getIn().getBody(byte[].class), test);
        outgoing.stream().map(Outgoing::caseId).filter(Objects::nonNull).findFirst()
                .ifPresent(caseId -> MessageLogContext.put(MessageLogContext.CASE_ID, caseId));
        exchange.getIn().setBody(outgoing);
        HubMetrics.Stage.ADMIT.since(started);
    }

    List<Outgoing> admit(String hubId, String sender, String channel, Instant receivedAt, byte[] body, boolean test) {
        Optional<List<Outgoing>> again = redelivery.alreadyProcessed(hubId);
        if (again.isPresent()) {
            return again.get();
        }
        if (Edifact.isEdifact(body)) {
            return interchanges.admit(hubId, sender, channel, body, test,
                    (translated, who, on, message) -> admitFrom(translated, who, on, message, test));
        }
        ReadMessage.Result read = reader.read(body);
        HubMetrics.messageIn(read.ok() ? read.message().type().type() : null, channel);
        if (!read.ok()) {
            LOG.info("Rejected {}: {}", read.rejection().code().code(), read.rejection().detail());
            return reject.unreadable(hubId, sender, read.rejection());
        }
        ParsedMessage message = read.message();
        MessageKeys keys = MessageKeys.of(message);
        AuthenticateSender.Result who = senders.authenticate(message, sender, keys.importer(), receivedAt, SENDER_KINDS);
        if (!who.ok()) {
            LOG.info("Refused {} {}: {}", message.type().type(), who.rejection().code().code(), who.rejection().detail());
            return reject.refused(hubId, who.party(), message, List.of(who.rejection()));
        }
        return admitFrom(hubId, who, channel, message, test);
    }

    /** The checks and the filing once the sender is established (by its signature, or by the channel for EDIFACT). */
    private List<Outgoing> admitFrom(String hubId, AuthenticateSender.Result who, String channel, ParsedMessage message,
                                     boolean test) {
        MessageKeys keys = MessageKeys.of(message);
        String party = who.party();
        List<Rejection> faults = check(message, who, keys);
        if (!faults.isEmpty()) {
            LOG.info("Rejected {} {}: {}", message.type().type(), faults.get(0).code().code(), faults.get(0).detail());
            return reject.refused(hubId, party, message, faults);
        }
        try {
            return filing.file(new Admission(hubId, channel, party, message, keys, test));
        } catch (StoreException e) {
            throw e; // transient: roll back and let the broker redeliver
        } catch (RuntimeException e) {
            // a fault of the hub on a valid message: retrying cannot help, so answer it and keep it
            LOG.error("Could not file {} {}", message.type().type(), keys.declarationNo(), e);
            return reject.refused(hubId, party, message, List.of(new Rejection(ErrorCode.INTERNAL_ERROR,
                    "Quote hub id " + hubId + " to the hub's operator")));
        }
    }

    private List<Rejection> check(ParsedMessage message, AuthenticateSender.Result sender, MessageKeys keys) {
        if (!TRADER_TYPES.contains(message.type().type())) {
            return List.of(new Rejection(ErrorCode.NOT_ACCEPTED_FROM_SENDER,
                    message.type().type() + " is sent by agencies or the hub; traders submit " + TRADER_TYPES));
        }
        Optional<Rejection> untrusted = delegations.check(sender.party(), sender.registered(), keys);
        if (untrusted.isPresent()) {
            return List.of(untrusted.get());
        }
        if (!"NX5105".equals(message.type().type())) {
            return List.of();
        }
        List<Rejection> faults = new ArrayList<>();
        for (DeclarationRule rule : rules) {
            faults.addAll(rule.check(message));
        }
        return faults;
    }
}
