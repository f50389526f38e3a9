package org.onewindow.as2;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.internal.AS2Constants;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.onewindow.deliver.ReplyChannels;
import org.onewindow.intake.AcceptInbound;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.message.HubIds;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AS2 door, run on the listener's thread before the MDN is written: finds the sender's agreement by its
 * AS2-From name, checks the message is signed by the agreement's certificate and signed/encrypted as agreed,
 * drops a Message-ID it has seen before, and stores the payload for admission with the agreement's party as the
 * transport sender (the XML signature inside must still name that party). The MDN says what happened:
 * {@code processed} when stored; {@code processed/warning} for a duplicate (the sender missed our first MDN; the
 * message is not processed again); {@code processed/error: authentication-failed} (T320 unknown AS2-From, T321
 * wrong signature) or {@code insufficient-message-security} (T322) when refused — the refused message is stored
 * with its code; a payload over {@code onewindow.intake.max-bytes} is refused (W005, {@code unexpected-processing-error})
 * and stored truncated, as on the other doors. While the disk is nearly full ({@link DiskSpaceGuard}) nothing is read
 * or stored: the MDN says {@code unexpected-processing-error} with S902, and the sender sends the message again later.
 */
public final class ReceiveAs2Message {
    /** Header naming the AS2 sender and its Message-ID, so a message that could not be queued can be forgotten. */
    public static final String AS2_FROM = "OneWindowAs2From";
    public static final String AS2_MESSAGE_ID = "OneWindowAs2MessageId";
    /** Header the MDN text template shows: what the hub did with the message, and why when it refused it. */
    public static final String DETAIL = "OneWindow-Detail";
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveAs2Message.class);

    private final Jdbc jdbc;
    private final MessageStore messages;
    private final As2AgreementStore agreements;
    private final As2MessageIds messageIds;
    private final PrivateKey hubKey;
    private final DiskSpaceGuard disk;
    private final int maxBytes;

    public ReceiveAs2Message(Jdbc jdbc, MessageStore messages, As2AgreementStore agreements, As2MessageIds messageIds,
                             PrivateKey hubKey, DiskSpaceGuard disk, int maxBytes) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.agreements = agreements;
        this.messageIds = messageIds;
        this.hubKey = hubKey;
        this.disk = disk;
        this.maxBytes = maxBytes;
    }

    public void accept(Exchange exchange) throws HttpException {
        HttpCoreContext interchange = exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
        ClassicHttpRequest request = (ClassicHttpRequest) interchange.getRequest();
        // the listener keeps one context per connection: forget what an earlier message on it was answered
        interchange.removeAttribute(ResponseMDN.DISPOSITION_MODIFIER);
        if (disk.full()) {
            interchange.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR);
            explain(interchange, ErrorCode.STORAGE_FULL.code() + " " + ErrorCode.STORAGE_FULL.text());
            exchange.getIn().setHeader(AcceptInbound.REFUSED, true);
            return;
        }
        String as2From = unquoted(header(request, "AS2-From"));
        String messageId = header(request, "Message-Id");
        As2Envelope envelope = As2Envelope.open(request.getEntity(), hubKey);
        Optional<As2Agreement> found = as2From == null ? Optional.empty() : agreements.byAs2Id(as2From);
        if (found.isEmpty()) {
            refuse(exchange, interchange, null, envelope, AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    ErrorCode.AS2_PARTNER_UNKNOWN, "AS2-From was " + (as2From == null ? "missing" : "'" + as2From + "'"));
            return;
        }
        As2Agreement agreement = found.get();
        if (agreement.signed() && !envelope.signed() || agreement.encrypted() && !envelope.encrypted()) {
            refuse(exchange, interchange, agreement.partyId(), envelope, AS2DispositionModifier.ERROR_INSUFFICIENT_MESSAGE_SECURITY,
                    ErrorCode.AS2_INSUFFICIENT_SECURITY, "your agreement asks for " + (agreement.encrypted() ? "signed and encrypted"
                            : "signed") + " messages; this one was " + (envelope.signed() ? "signed" : "unsigned") + " and "
                            + (envelope.encrypted() ? "encrypted" : "not encrypted"));
            return;
        }
        if (envelope.payload().length > maxBytes) {
            refuse(exchange, interchange, agreement.partyId(), envelope, AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR,
                    ErrorCode.MESSAGE_TOO_LARGE, envelope.payload().length + " bytes; at most " + maxBytes + " are accepted");
            return;
        }
        if (envelope.signed() && !envelope.signedBy(agreement.certificate())) {
            refuse(exchange, interchange, agreement.partyId(), envelope, AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    ErrorCode.AS2_SIGNATURE_INVALID, "expected a signature by " + agreement.certificate().getSubjectX500Principal().getName());
            return;
        }
        Optional<String> earlier = messageId == null ? Optional.empty() : messageIds.received(as2From, messageId);
        if (earlier.isPresent()) {
            LOG.warn("AS2 message {} from {} was received before as {}; answered again, not processed again", messageId, as2From,
                    earlier.get());
            interchange.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, AS2DispositionModifier.createWarning("duplicate-document"));
            explain(interchange, "duplicate of Message-ID " + messageId + ", received before as hub message " + earlier.get());
            exchange.getIn().setHeader(AcceptInbound.REFUSED, true);
            return;
        }
        String hubId = HubIds.next();
        jdbc.inTransaction(() -> {
            messages.saveInbound(hubId, ReplyChannels.AS2, agreement.partyId(), envelope.payload());
            if (messageId != null) {
                messageIds.record(as2From, messageId, hubId);
            }
            return null;
        });
        explain(interchange, "stored as hub message " + hubId);
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Headers.HUB_ID, hubId);
        exchange.getIn().setHeader(Headers.SENDER, agreement.partyId());
        exchange.getIn().setHeader(Headers.CHANNEL, ReplyChannels.AS2);
        exchange.getIn().setHeader(Headers.RECEIVED_AT, System.currentTimeMillis());
        exchange.getIn().setHeader(AS2_FROM, as2From);
        exchange.getIn().setHeader(AS2_MESSAGE_ID, messageId);
        exchange.getIn().setBody(envelope.payload());
    }

    /**
     * A request longer than the listener reads ({@code requestLimit}, {@link As2Listener}): refused unparsed with W005,
     * its first {@code max-bytes} bytes stored as a rejected message of the party its AS2-From names (null when none
     * does), as an oversized upload on the other doors is. Returns the answer's text, hub message id included.
     */
    public String refuseOversized(HttpRequest request, byte[] head, int requestLimit) {
        if (disk.full()) {
            return ErrorCode.STORAGE_FULL.code() + " " + ErrorCode.STORAGE_FULL.text();
        }
        String as2From = unquoted(header(request, "AS2-From"));
        String party = as2From == null ? null : agreements.byAs2Id(as2From).map(As2Agreement::partyId).orElse(null);
        String hubId = HubIds.next();
        String text = ErrorCode.MESSAGE_TOO_LARGE.code() + " " + ErrorCode.MESSAGE_TOO_LARGE.text() + ": the request is over "
                + requestLimit + " bytes, the most an AS2 message of " + maxBytes + " bytes can take";
        jdbc.inTransaction(() -> {
            messages.saveInbound(hubId, ReplyChannels.AS2, party, head.length > maxBytes ? Arrays.copyOf(head, maxBytes) : head);
            messages.recordRejection(hubId, ErrorCode.MESSAGE_TOO_LARGE, text);
            return null;
        });
        LOG.warn("Refused AS2 message {} from {} (hub message {}): {}", header(request, "Message-Id"), as2From, hubId, text);
        return text + " (hub message " + hubId + ")";
    }

    /**
     * The stored message could not be queued for admission (the broker failed): the Message-ID is forgotten and the
     * MDN says {@code unexpected-processing-error}, so the sender sends it again and that attempt is taken.
     */
    public void queueFailed(Exchange exchange) {
        String as2From = exchange.getIn().getHeader(AS2_FROM, String.class);
        String messageId = exchange.getIn().getHeader(AS2_MESSAGE_ID, String.class);
        if (messageId != null) {
            messageIds.forget(as2From, messageId);
        }
        HttpCoreContext interchange = exchange.getProperty(AS2Constants.AS2_INTERCHANGE, HttpCoreContext.class);
        interchange.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, AS2DispositionModifier.ERROR_UNEXPECTED_PROCESSING_ERROR);
        explain(interchange, "the hub cannot take messages right now; send it again later");
    }

    private void refuse(Exchange exchange, HttpCoreContext interchange, String party, As2Envelope envelope,
                        AS2DispositionModifier modifier, ErrorCode code, String detail) {
        String hubId = HubIds.next();
        String text = code.code() + " " + code.text() + ": " + detail;
        jdbc.inTransaction(() -> {
            byte[] payload = envelope.payload();
            messages.saveInbound(hubId, ReplyChannels.AS2, party, payload.length > maxBytes ? Arrays.copyOf(payload, maxBytes) : payload);
            messages.recordRejection(hubId, code, text);
            return null;
        });
        LOG.warn("Refused AS2 message {} (hub message {}): {}", header((HttpRequest) interchange.getRequest(), "Message-Id"),
                hubId, text);
        interchange.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, modifier);
        explain(interchange, text + " (hub message " + hubId + ")");
        exchange.getIn().setHeader(AcceptInbound.REFUSED, true);
    }

    /**
     * Puts what the hub did into the MDN's human-readable part: the listener's MDN template shows this header, which
     * is set on the received request because the template sees only the request's headers and the response's date.
     */
    private static void explain(HttpCoreContext interchange, String detail) {
        interchange.getRequest().setHeader(DETAIL, detail);
    }

    private static String header(HttpRequest request, String name) {
        Header header = request.getFirstHeader(name);
        return header == null ? null : header.getValue().strip();
    }

    private static String unquoted(String as2Name) {
        return as2Name != null && as2Name.length() > 1 && as2Name.startsWith("\"") && as2Name.endsWith("\"")
                ? as2Name.substring(1, as2Name.length() - 1) : as2Name;
    }
}
