package org.onewindow.soap;

import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.CxfPayload;
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
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        Optional<Party> caller = token == null || token.isEmpty() ? Optional.empty()
                : parties.byTokenHash(ApiTokens.hash(token)).filter(Party::active);
        if (caller.isEmpty()) {
            throw SoapFaults.of(ErrorCode.SOAP_NOT_AUTHENTICATED, null);
        }
        in.setHeader(Headers.PRINCIPAL, caller.get().partyId());
        in.setBody(request(exchange));
    }

    /** submit: stores the message for admission and leaves it as the body, with the hub's headers. */
    public void submit(Exchange exchange) {
        if (disk.full()) {
            throw SoapFaults.of(ErrorCode.STORAGE_FULL, null);
        }
        Message in = exchange.getIn();
        byte[] body = base64(Dom.text(in.getBody(Element.class), "message"));
        if (body.length == 0) {
            throw SoapFaults.of(ErrorCode.EMPTY_MESSAGE, "put the signed XML message, base64-encoded, in <message>");
        }
        if (body.length > maxBytes) {
            throw SoapFaults.of(ErrorCode.MESSAGE_TOO_LARGE, body.length + " bytes; at most " + maxBytes + " are accepted");
        }
        String party = in.getHeader(Headers.PRINCIPAL, String.class);
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

    private static byte[] base64(String text) {
        try {
            return text == null ? new byte[0] : Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw SoapFaults.of(ErrorCode.MALFORMED_XML, "<message> is not base64: " + e.getMessage());
        }
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
