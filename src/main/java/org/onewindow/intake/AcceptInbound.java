package org.onewindow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.store.MessageStore;

/**
 * Accepts a message fast, on the transport thread, without reading it: bounds its size, checks the
 * HTTP media type, names the sender from the transport (the authenticated caller, or the queue message's
 * {@code OneWindowSender} property — a claim the message's signature must confirm at admission), gives it a hub
 * id and stores the original bytes — all before the sender is acknowledged. Refusals at this door
 * (400 empty, 413 too large, 415 not XML) are stored too and answered with a problem JSON body.
 */
public final class AcceptInbound {
    /** Exchange header set to true when the message was refused at the door. */
    public static final String REFUSED = "OneWindowRefused";
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageStore messages;
    private final int maxBytes;

    public AcceptInbound(MessageStore messages, int maxBytes) {
        this.messages = messages;
        this.maxBytes = maxBytes;
    }

    /** For HTTP: refuses what is not XML, empty or too large; stores the rest for admission. */
    public void acceptHttp(Exchange exchange) {
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isXml(contentType)) {
            refuse(exchange, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type was '" + contentType
                    + "'; send application/xml or text/xml");
            return;
        }
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || body.length == 0) {
            refuse(exchange, 400, ErrorCode.EMPTY_MESSAGE, "The request body is empty");
            return;
        }
        if (body.length > maxBytes) {
            refuse(exchange, 413, ErrorCode.MESSAGE_TOO_LARGE, body.length + " bytes; at most " + maxBytes + " are accepted");
            return;
        }
        store(exchange, body);
    }

    /**
     * For a queue: stores whatever arrived (the broker bounds its size); admission answers an empty or
     * oversized message with an NX903 over the same channel.
     */
    public void acceptQueued(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        store(exchange, body == null ? new byte[0] : body);
    }

    private void store(Exchange exchange, byte[] body) {
        String hubId = UUID.randomUUID().toString();
        String sender = sender(exchange);
        messages.saveInbound(hubId, channel(exchange), sender, body);
        exchange.getIn().setHeader(Headers.HUB_ID, hubId);
        exchange.getIn().setHeader(Headers.SENDER, sender);
        exchange.getIn().setHeader(Headers.RECEIVED_AT, System.currentTimeMillis());
        exchange.getIn().setBody(body);
    }

    /** The HTTP answer for an accepted message: 202 with the hub id and where to follow it. */
    public void answerAccepted(Exchange exchange) {
        String hubId = exchange.getIn().getHeader(Headers.HUB_ID, String.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("hubId", hubId);
        answer.put("status", "RECEIVED");
        String sender = exchange.getIn().getHeader(Headers.SENDER, String.class);
        if (sender != null) {
            answer.put("sender", sender);
        }
        answer.put("self", "/api/v1/messages/" + hubId);
        respond(exchange, 202, "application/json", answer);
    }

    /**
     * The HTTP answer when the hub cannot take the message now (its database or broker is failing):
     * 503, so the sender sends it again later. Nothing was acknowledged, so nothing is lost.
     */
    public void answerUnavailable(Exchange exchange) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "The hub cannot accept messages right now; send it again later");
        problem.put("status", 503);
        problem.put("code", ErrorCode.INTERNAL_ERROR.code());
        exchange.getIn().setHeader("Retry-After", "30");
        respond(exchange, 503, "application/problem+json", problem);
    }

    private void refuse(Exchange exchange, int status, ErrorCode code, String detail) {
        String hubId = UUID.randomUUID().toString();
        byte[] body = exchange.getIn().getBody(byte[].class);
        byte[] kept = body == null ? new byte[0] : body.length > maxBytes ? Arrays.copyOf(body, maxBytes) : body;
        messages.saveInbound(hubId, channel(exchange), sender(exchange), kept);
        messages.recordRejection(hubId, code, code.code() + " " + code.text() + ": " + detail);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code.text());
        problem.put("status", status);
        problem.put("code", code.code());
        problem.put("detail", detail);
        problem.put("hubId", hubId);
        exchange.getIn().setHeader(REFUSED, true);
        respond(exchange, status, "application/problem+json", problem);
    }

    private static void respond(Exchange exchange, int status, String contentType, Map<String, Object> json) {
        exchange.getIn().removeHeaders("*", Headers.HUB_ID, REFUSED, "Retry-After");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, contentType);
        try {
            exchange.getIn().setBody(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The party the transport names: the authenticated HTTP caller, or the queue message's sender property. */
    private static String sender(Exchange exchange) {
        String sender = exchange.getIn().getHeader(Headers.PRINCIPAL, String.class);
        if (sender == null) {
            sender = exchange.getIn().getHeader(Headers.SENDER, String.class);
        }
        return sender != null && PARTY_ID.matcher(sender.trim()).matches() ? sender.trim() : null;
    }

    private static String channel(Exchange exchange) {
        return exchange.getIn().getHeader(Headers.CHANNEL, "UNKNOWN", String.class);
    }

    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml");
    }
}
