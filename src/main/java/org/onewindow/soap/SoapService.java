package org.onewindow.soap;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapFault;
import org.onewindow.deliver.ReplyChannels;
import org.onewindow.message.Dom;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.message.HubIds;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.party.ApiTokens;
import org.onewindow.party.Party;
import org.onewindow.party.PartyStore;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The OneWindow SOAP service's operations ({@code src/main/resources/wsdl/onewindow.wsdl}), on the payload of the
 * CXF endpoint. Every call is authenticated by the party's API token in the HTTP header {@code Authorization: Bearer}
 * (fault T330 otherwise); the caller is that party and nothing in the request can name another, so a party reads
 * only its own mailbox. {@code submit} accepts like every other door — bound, store, queue for admission, answer
 * the hub id — and the message's XML signature must still name the caller. {@code fetchReplies} lists the caller's
 * unacknowledged replies; {@code acknowledge} takes them out of the mailbox (explicit, so a lost response loses no
 * reply). While the disk is nearly full ({@link DiskSpaceGuard}), {@code submit} answers a server fault S902 and stores
 * nothing.
 */
public final class SoapService {
    private static final Logger LOG = LoggerFactory.getLogger(SoapService.class);
    private static final int MAX_FETCH = 100;

    private final PartyStore parties;
    private final MessageStore messages;
    private final DeliveryStore deliveries;
    private final DiskSpaceGuard disk;
    private final int maxBytes;

    public SoapService(PartyStore parties, MessageStore messages, DeliveryStore deliveries, DiskSpaceGuard disk, int maxBytes) {
        this.parties = parties;
        this.messages = messages;
        this.deliveries = deliveries;
        this.disk = disk;
        this.maxBytes = maxBytes;
    }

    /**
     * Names the caller from its API token, after dropping every {@code OneWindow*} header the client sent (HTTP headers
     * become message headers), and keeps the request's body element as the exchange body.
     */
    public void authenticate(Exchange exchange) {
        Message in = exchange.getIn();
        String authorization = in.getHeader("Authorization", String.class);
        in.removeHeaders("OneWindow*");
        in.setHeader(Headers.PRINCIPAL, caller(authorization));
        in.setBody(request(exchange));
    }

    /**
     * The answer to a request larger than any submit of {@code max-bytes} can be ({@link SoapSizeLimit}): the
     * caller's first {@code max-bytes} bytes are stored as a rejected message (W005) and the fault names it.
     */
    SoapFault refuseTooLarge(String authorization, byte[] head, int envelopeLimit) {
        if (disk.full()) {
            return SoapFaults.of(ErrorCode.STORAGE_FULL, null);
        }
        try {
            String party = caller(authorization);
            return reject(party, head, ErrorCode.MESSAGE_TOO_LARGE, "the SOAP request is over " + envelopeLimit
                    + " bytes, more than a submit of at most " + maxBytes + " bytes takes");
        } catch (SoapFault notAuthenticated) {
            return notAuthenticated;
        }
    }

    /** submit: stores the message for admission and leaves it as the body, with the hub's headers. */
    public void submit(Exchange exchange) {
        if (disk.full()) {
            throw SoapFaults.of(ErrorCode.STORAGE_FULL, null);
        }
        Message in = exchange.getIn();
        String party = in.getHeader(Headers.PRINCIPAL, String.class);
        String text = Dom.text(in.getBody(Element.class), "message");
        byte[] body;
        try {
            body = text == null ? new byte[0] : Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw reject(party, text.getBytes(StandardCharsets.UTF_8), ErrorCode.MALFORMED_XML,
                    "<message> is not base64: " + e.getMessage());
        }
        if (body.length == 0) {
            throw reject(party, body, ErrorCode.EMPTY_MESSAGE, "put the signed XML message, base64-encoded, in <message>");
        }
        if (body.length > maxBytes) {
            throw reject(party, body, ErrorCode.MESSAGE_TOO_LARGE, body.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String hubId = HubIds.next();
        messages.saveInbound(hubId, ReplyChannels.SOAP, party, body);
        in.removeHeaders("*", "OneWindow*");
        in.setHeader(Headers.HUB_ID, hubId);
        in.setHeader(Headers.SENDER, party);
        in.setHeader(Headers.CHANNEL, ReplyChannels.SOAP);
        in.setHeader(Headers.RECEIVED_AT, System.currentTimeMillis());
        in.setBody(body);
    }

    /** The submit answer, once the message is queued: its hub id. */
    public void answerSubmitted(Exchange exchange) {
        Element answer = response("submitResponse");
        Dom.appendText(answer, "hubId", exchange.getIn().getHeader(Headers.HUB_ID, String.class));
        Dom.appendText(answer, "status", "RECEIVED");
        respond(exchange, answer);
    }

    /** fetchReplies: the caller's replies not yet acknowledged, oldest first. */
    public void fetchReplies(Exchange exchange) {
        Integer asked = Dom.wholeNumber(exchange.getIn().getBody(Element.class), "max");
        int max = asked == null || asked < 1 || asked > MAX_FETCH ? MAX_FETCH : asked;
        Element answer = response("fetchRepliesResponse");
        for (DeliveryStore.Pending reply : deliveries.pending(exchange.getIn().getHeader(Headers.PRINCIPAL, String.class), max)) {
            Element item = Dom.append(answer, "reply");
            Dom.appendText(item, "hubId", reply.hubId());
            Dom.appendText(item, "messageType", reply.messageType());
            Dom.appendText(item, "caseId", reply.caseId());
            Dom.appendText(item, "causedBy", reply.causedBy());
            Dom.appendText(item, "createdAt", DateTimeFormatter.ISO_INSTANT.format(reply.createdAt()));
            Dom.appendText(item, "message", Base64.getEncoder().encodeToString(reply.body()));
        }
        respond(exchange, answer);
    }

    /** acknowledge: takes the named replies out of the caller's mailbox; answers how many were waiting. */
    public void acknowledge(Exchange exchange) {
        String party = exchange.getIn().getHeader(Headers.PRINCIPAL, String.class);
        int acknowledged = 0;
        for (Element hubId : Dom.children(exchange.getIn().getBody(Element.class), "hubId")) {
            if (deliveries.acknowledge(party, hubId.getTextContent().strip())) {
                acknowledged++;
            }
        }
        Element answer = response("acknowledgeResponse");
        Dom.appendText(answer, "acknowledged", String.valueOf(acknowledged));
        respond(exchange, answer);
    }

    private static Element request(Exchange exchange) {
        @SuppressWarnings("unchecked")
        CxfPayload<Object> payload = exchange.getIn().getBody(CxfPayload.class);
        List<Element> body = payload == null ? List.of() : payload.getBody();
        if (body.isEmpty()) {
            throw SoapFaults.of(ErrorCode.EMPTY_MESSAGE, "the SOAP body holds no request");
        }
        return body.get(0);
    }

    /** The party of a valid API token in {@code Authorization: Bearer}; a T330 fault otherwise. */
    private String caller(String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        Optional<Party> caller = token == null || token.isEmpty() ? Optional.empty()
                : parties.byTokenHash(ApiTokens.hash(token)).filter(Party::active);
        return caller.orElseThrow(() -> SoapFaults.of(ErrorCode.SOAP_NOT_AUTHENTICATED, null)).partyId();
    }

    /** Stores what a party sent (at most {@code max-bytes} of it) as rejected with the code; the fault names it. */
    private SoapFault reject(String party, byte[] sent, ErrorCode code, String detail) {
        String hubId = HubIds.next();
        messages.saveInbound(hubId, ReplyChannels.SOAP, party, sent.length > maxBytes ? Arrays.copyOf(sent, maxBytes) : sent);
        String text = code.code() + " " + code.text() + ": " + detail;
        messages.recordRejection(hubId, code, text);
        LOG.warn("Refused a SOAP submit of {} (hub message {}): {}", party, hubId, text);
        return SoapFaults.of(code, detail + " (stored as hub message " + hubId + ")");
    }

    private static Element response(String name) {
        Document doc = Dom.newDocument(SoapFaults.NS, "ow:" + name);
        return doc.getDocumentElement();
    }

    private static void respond(Exchange exchange, Element answer) {
        exchange.getIn().removeHeaders("*", "operationName");
        exchange.getIn().setBody(new CxfPayload<>(null, List.of(answer)));
    }
}
