package org.onewindow.admit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.edi.Edifact;
import org.onewindow.edi.EdifactMessage;
import org.onewindow.edi.Interchange;
import org.onewindow.edi.ReadInterchange;
import org.onewindow.edi.SyntaxError;
import org.onewindow.edi.TranslateCusdec;
import org.onewindow.edi.WriteContrl;
import org.onewindow.message.Dom;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.HubIds;
import org.onewindow.message.ParsedMessage;
import org.onewindow.party.Party;
import org.onewindow.party.PartyKind;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Admits a UN/EDIFACT interchange. EDIFACT carries no signature, so the sender is the party the channel
 * authenticated: only channels in {@code onewindow.edi.authenticated-channels} (HTTP, where the API token or TLS
 * client certificate names the caller) are accepted, anywhere else the interchange is refused whole (CONTRL
 * syntax error 17 "no agreement", T340); the UNB sender must be that party and a trader or broker (else 23
 * "unknown interchange sender", T341). The sender gets a CONTRL for every interchange. Each CUSDEC message
 * that passed the guide is translated to NX5105, stored as an inbound message of its own (syntax EDI, triggered
 * by the interchange), validated against the XSD like XML and admitted exactly as a signed XML declaration
 * would be from there on: delegation (T310), business rules, filing, routing. Its replies leave as CUSRES.
 *
 * <p>An interchange is admitted in one database transaction: its CONTRL, its translated declarations and its own
 * status are committed together. The sender can therefore never fetch the CONTRL while the interchange still reads
 * as received, and a crash part-way leaves the interchange unprocessed, to be admitted whole on redelivery.
 */
public final class AdmitInterchange {
    private static final Logger LOG = LoggerFactory.getLogger(AdmitInterchange.class);
    private static final Set<PartyKind> FILERS = Set.of(PartyKind.TRADER, PartyKind.BROKER);

    /** Admission of one translated declaration once its sender is established (the rest of the XML path). */
    @FunctionalInterface
    public interface AdmitTranslated {
        List<Outgoing> admit(String hubId, AuthenticateSender.Result sender, String channel, ParsedMessage message);
    }

    private final Jdbc jdbc;
    private final ReadInterchange interchanges;
    private final TranslateCusdec translator;
    private final WriteContrl contrl;
    private final ReadMessage reader;
    private final MessageStore messages;
    private final PartyStore parties;
    private final Outbox outbox;
    private final RejectMessage reject;
    private final Set<String> authenticatedChannels;
    private final Clock clock;

    public AdmitInterchange(Jdbc jdbc, ReadInterchange interchanges, TranslateCusdec translator, WriteContrl contrl, ReadMessage reader,
                            MessageStore messages, PartyStore parties, Outbox outbox, RejectMessage reject,
                            Set<String> authenticatedChannels, Clock clock) {
        this.jdbc = jdbc;
        this.interchanges = interchanges;
        this.translator = translator;
        this.contrl = contrl;
        this.reader = reader;
        this.messages = messages;
        this.parties = parties;
        this.outbox = outbox;
        this.reject = reject;
        this.authenticatedChannels = Set.copyOf(authenticatedChannels);
        this.clock = clock;
    }

    /** @param test the interchange came in the connection test's test mode: its declarations are filed in the test world */
    public List<Outgoing> admit(String hubId, String sender, String channel, byte[] body, boolean test, AdmitTranslated next) {
        return jdbc.inTransaction(() -> admitInTransaction(hubId, sender, channel, body, test, next));
    }

    private List<Outgoing> admitInTransaction(String hubId, String sender, String channel, byte[] body, boolean test,
                                              AdmitTranslated next) {
        messages.recordSyntax(hubId, Edifact.SYNTAX);
        Interchange interchange = interchanges.read(body);
        Party party = sender == null ? null : parties.find(sender).orElse(null);
        Refusal refusal = refusal(interchange, sender, party, channel);
        List<Outgoing> out = new ArrayList<>();
        out.add(outbox.toPartyAsEdifact(sender, channel, reference -> contrl.write(interchange, refusal == null ? null : refusal.error(),
                sender, reference, clock.instant()), new Outbox.About("CONTRL", null, interchange.controlReference(), null, null,
                hubId, hubId)));
        if (refusal != null) {
            LOG.info("Refused EDIFACT interchange {} {}: {}", interchange.controlReference(), refusal.code().code(), refusal.text());
            messages.recordInterchange(hubId, sender, interchange.controlReference(), "REJECTED", refusal.code(),
                    refusal.code().code() + " " + refusal.code().text() + ": " + refusal.text());
            return withoutNulls(out);
        }
        if (!interchange.envelopeValid()) {
            reject(hubId, sender, interchange, "interchange " + describe(interchange.errors()));
            return withoutNulls(out);
        }
        List<String> faults = new ArrayList<>();
        int admitted = 0;
        for (EdifactMessage message : interchange.messages()) {
            if (!message.valid()) {
                faults.add("message " + message.reference() + " " + describe(message.errors()));
                continue;
            }
            out.addAll(admitMessage(hubId, party, channel, message, test, next));
            admitted++;
        }
        if (admitted == 0) {
            reject(hubId, sender, interchange, faults.isEmpty() ? "the interchange holds no message" : String.join("; ", faults));
        } else {
            messages.recordInterchange(hubId, sender, interchange.controlReference(), "TRANSLATED",
                    faults.isEmpty() ? null : ErrorCode.EDIFACT_SYNTAX, faults.isEmpty() ? null : text(String.join("; ", faults)));
        }
        return withoutNulls(out);
    }

    private List<Outgoing> admitMessage(String interchangeHubId, Party sender, String channel, EdifactMessage message,
                                        boolean test, AdmitTranslated next) {
        String party = sender.partyId();
        Document declaration = translator.translate(message);
        byte[] xml = Dom.serialize(declaration);
        String hubId = HubIds.next();
        messages.saveTranslated(hubId, interchangeHubId, channel, party, xml, test);
        ReadMessage.Result read = reader.readTranslated(declaration, xml);
        if (!read.ok()) {
            LOG.info("Rejected translated CUSDEC {} {}: {}", message.reference(), read.rejection().code().code(),
                    read.rejection().detail());
            return reject.unreadable(hubId, party, read.rejection());
        }
        return next.admit(hubId, new AuthenticateSender.Result(party, sender, null), channel, read.message());
    }

    /** Why the whole interchange is refused although it may read well, or null. */
    private Refusal refusal(Interchange interchange, String sender, Party party, String channel) {
        if (!authenticatedChannels.contains(channel) || sender == null) {
            return new Refusal(ErrorCode.EDIFACT_CHANNEL_NOT_AUTHENTICATED, "arrived on " + channel,
                    new SyntaxError(0, "UNB", 0, 0, "17", "no agreement"));
        }
        if (interchange.sender() != null && !sender.equals(interchange.sender())) {
            return new Refusal(ErrorCode.EDIFACT_SENDER_MISMATCH, "UNB names sender " + interchange.sender()
                    + ", the interchange was sent by party " + sender, new SyntaxError(0, "UNB", 2, 1, "23", "unknown sender"));
        }
        if (party == null || !party.active() || !FILERS.contains(party.kind())) {
            return new Refusal(ErrorCode.EDIFACT_SENDER_MISMATCH, "party " + sender + " may not file declarations",
                    new SyntaxError(0, "UNB", 2, 1, "23", "unknown sender"));
        }
        return null;
    }

    private void reject(String hubId, String sender, Interchange interchange, String detail) {
        LOG.info("Rejected EDIFACT interchange {} W010: {}", interchange.controlReference(), detail);
        messages.recordInterchange(hubId, sender, interchange.controlReference(), "REJECTED", ErrorCode.EDIFACT_SYNTAX,
                text(detail));
    }

    private static String text(String detail) {
        return ErrorCode.EDIFACT_SYNTAX.code() + " " + ErrorCode.EDIFACT_SYNTAX.text() + ": " + detail;
    }

    private static String describe(List<SyntaxError> errors) {
        return errors.stream().map(SyntaxError::describe).collect(Collectors.joining(", "));
    }

    private static List<Outgoing> withoutNulls(List<Outgoing> out) {
        return out.stream().filter(Objects::nonNull).collect(Collectors.toList());
    }

    private record Refusal(ErrorCode code, String text, SyntaxError error) {
    }
}
