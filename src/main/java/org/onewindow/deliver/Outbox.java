package org.onewindow.deliver;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.onewindow.edi.Edifact;
import org.onewindow.edi.WriteCusres;
import org.onewindow.message.HubIds;
import org.onewindow.ops.HubMetrics;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.MessageStore;
import org.onewindow.store.MessageStore.Outbound;
import org.onewindow.store.StoredMessage;
import org.onewindow.trust.DocumentSigner;
import org.w3c.dom.Document;

/**
 * Everything the hub sends passes through here first: the message is signed with the hub's key, stored (with a new hub id, the
 * case, the message that caused it and the channel it leaves on) and, for a party, put in its pull mailbox — in the
 * caller's transaction — before it is handed to a queue (none when the party pulls: see {@link ReplyChannels}). A party the hub cannot name (a message so broken its
 * sender is unknown) still gets its reply stored, readable through the rejected message's record.
 *
 * <p>A party answers in the syntax it used: when the message a reply answers — or the party's latest filing on the
 * case — came in as EDIFACT, the reply leaves as a CUSRES ({@link WriteCusres}) stored with syntax EDI. EDIFACT
 * cannot carry an XML signature, so such replies are unsigned; docs/edifact-mapping.md says why that is acceptable.
 */
public final class Outbox {
    public static final String HUB = "HUB";
    /** Agency queues are named agency.<code>. */
    public static final String AGENCY_QUEUE_PREFIX = "agency.";

    private final MessageStore messages;
    private final DeliveryStore deliveries;
    private final DocumentSigner signer;
    private final ReplyChannels channels;
    private final WriteCusres cusres;
    private final Clock clock;

    /**
     * An outbox that signs everything it stores in XML with {@code signer} (the hub's key), sends parties their replies
     * on the channel {@code channels} names, and writes replies to EDIFACT senders with {@code cusres}.
     */
    public Outbox(MessageStore messages, DeliveryStore deliveries, DocumentSigner signer, ReplyChannels channels,
                  WriteCusres cusres, Clock clock) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.signer = signer;
        this.channels = channels;
        this.cusres = cusres;
        this.clock = clock;
    }

    /**
     * What a message is about: its type and version, reference, declaration, case, the message it answers
     * ({@code causedBy}) and the inbound message being processed when it was made ({@code triggeredBy}).
     */
    public record About(String messageType, String typeVersion, String messageRef, String declarationNo, String caseId,
                        String causedBy, String triggeredBy) {
    }

    /**
     * Stores a message for a party that used {@code usedChannel} (its message's, or its case's); returns what to send,
     * or null when the party is unknown.
     */
    public Outgoing toParty(String party, String usedChannel, Document document, About about) {
        if (party != null && Edifact.SYNTAX.equals(messages.syntaxUsedBy(party, about.causedBy(), about.caseId()))) {
            return toPartyAsEdifact(party, usedChannel, reference -> cusres.write(document, about.messageType(), party,
                    reference, clock.instant()), about);
        }
        return deliver(party, usedChannel, HubIds.next(), signer.signedBytes(document), about);
    }

    /**
     * Stores an EDIFACT interchange for a party (a CONTRL, a CUSRES) with syntax EDI; {@code interchange} writes it
     * given its interchange control reference, which is derived from the stored message's hub id.
     */
    public Outgoing toPartyAsEdifact(String party, String usedChannel, Function<String, byte[]> interchange, About about) {
        String hubId = HubIds.next();
        byte[] body = interchange.apply(hubId.replace("-", "").substring(0, 14).toUpperCase(Locale.ROOT));
        Outgoing out = deliver(party, usedChannel, hubId, body, about);
        messages.recordSyntax(hubId, Edifact.SYNTAX);
        return out;
    }

    private Outgoing deliver(String party, String usedChannel, String hubId, byte[] body, About about) {
        if (party == null) {
            store(hubId, null, usedChannel != null ? usedChannel : ReplyChannels.HTTP, body, about);
            return null;
        }
        String channel = channels.channelFor(party, usedChannel);
        store(hubId, party, channel, body, about);
        HubMetrics.messageOut(about.messageType(), channel);
        deliveries.enqueue(party, hubId);
        return new Outgoing(ReplyChannels.queueFor(channel, party), hubId, about.messageType(), about.caseId(), null,
                about.causedBy(), body, party);
    }

    /** Stores a message for an agency queue; returns what to queue. */
    public Outgoing toAgency(String agency, String queue, Document document, About about) {
        byte[] body = signer.signedBytes(document);
        String hubId = HubIds.next();
        store(hubId, queue, "AGENCY", body, about);
        HubMetrics.messageOut(about.messageType(), ReplyChannels.JMS);
        return new Outgoing(queue, hubId, about.messageType(), about.caseId(), agency, about.causedBy(), body, null);
    }

    /**
     * What processing an inbound message produced, ready to queue again: a message redelivered after its
     * work was committed but before its sends were (a crash, a broker fault) must not lose them. Agencies
     * and parties see the same hub ids again; pull mailbox rows already exist. The declarations translated from
     * an EDIFACT interchange are inbound messages triggered by it: what each of them produced is queued too.
     */
    public List<Outgoing> replay(String triggerHubId) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (StoredMessage sent : messages.triggeredBy(triggerHubId)) {
            if (MessageStore.IN.equals(sent.direction())) {
                outgoing.addAll(replay(sent.hubId()));
                continue;
            }
            if (sent.recipient() == null) {
                continue;
            }
            byte[] body = messages.body(sent.hubId()).orElseThrow();
            boolean agency = sent.recipient().startsWith(AGENCY_QUEUE_PREFIX);
            outgoing.add(new Outgoing(agency ? sent.recipient() : ReplyChannels.queueFor(sent.channel(), sent.recipient()), sent.hubId(),
                    sent.messageType(), sent.caseId(), agency ? sent.recipient().substring(AGENCY_QUEUE_PREFIX.length()) : null,
                    sent.causedBy(), body, agency ? null : sent.recipient()));
        }
        return outgoing;
    }

    /** Puts an already stored message in a party's mailbox again (the answer to a re-sent message). */
    public Outgoing again(String party, StoredMessage sent) {
        deliveries.enqueue(party, sent.hubId());
        byte[] body = messages.body(sent.hubId()).orElseThrow();
        return new Outgoing(ReplyChannels.queueFor(sent.channel(), party), sent.hubId(), sent.messageType(), sent.caseId(), null,
                sent.causedBy(), body, party);
    }

    private void store(String hubId, String recipient, String channel, byte[] body, About about) {
        messages.saveOutbound(new Outbound(hubId, channel, HUB, recipient, about.messageType(), about.typeVersion(),
                about.messageRef(), about.declarationNo(), about.caseId(), about.causedBy(), about.triggeredBy(), body));
    }
}
