package org.onewindow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.onewindow.admit.RejectMessage;
import org.onewindow.deliver.RedeliveryGuard;
import org.onewindow.deliver.RedeliveryId;
import org.onewindow.edi.Edifact;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.Headers;
import org.onewindow.message.HubIds;
import org.onewindow.ops.DiskFullException;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.ops.MessageLogContext;
import org.onewindow.reply.Rejection;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a message fast, on the transport thread, without parsing it: reads its body with a bound
 * (at most {@code max-bytes} + 1 bytes ever reach memory, however large the body), checks the HTTP
 * media type, names the sender from the transport (the authenticated caller, or the queue message's
 * {@code OneWindowSender} property — a claim the message's signature must confirm at admission), gives it
 * a hub id and stores the original bytes — all before the sender is acknowledged. Refusals at this door
 * (400 empty, 413 too large, 415 neither XML nor EDIFACT) are stored too, a too-large body truncated to its head, and
 * answered with a problem JSON body; a too-large queued message (W005) is answered with an NX903 at once. While the
 * disk is nearly full ({@link DiskSpaceGuard}) nothing is stored: HTTP answers 503 with S902, a file is left where it is.
 */
public final class AcceptInbound {
    /** Exchange header set to true when the message was refused at the door. */
    public static final String REFUSED = "OneWindowRefused";
    private static final Logger LOG = LoggerFactory.getLogger(AcceptInbound.class);
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIVED = "RECEIVED";
    /** Retry-After: a failing database or broker is usually back within seconds; freeing disk space takes an operator. */
    private static final String FAULT_RETRY_SECONDS = "30";
    private static final String DISK_FULL_RETRY_SECONDS = "300";

    private final Jdbc jdbc;
    private final MessageStore messages;
    private final RejectMessage reject;
    private final RedeliveryGuard redelivery;
    private final DiskSpaceGuard disk;
    private final int maxBytes;
    private final Duration readTimeout;

    public AcceptInbound(Jdbc jdbc, MessageStore messages, RejectMessage reject, RedeliveryGuard redelivery, DiskSpaceGuard disk,
                         int maxBytes, Duration readTimeout) {
        this.jdbc = jdbc;
        this.redelivery = redelivery;
        this.disk = disk;
        this.messages = messages;
        this.reject = reject;
        this.maxBytes = maxBytes;
        this.readTimeout = readTimeout;
    }

    /**
     * For HTTP: streams the body in (the endpoint hands the request over unread), refuses what is neither
     * XML nor EDIFACT ({@code application/EDIFACT}), empty or too large, and stores the rest for admission. A sender that does not finish its body
     * within the read timeout has its connection closed: nothing complete arrived, so nothing is stored.
     */
    public void acceptHttp(Exchange exchange) throws InterruptedException {
        HttpServerRequest request = exchange.getIn().getBody(HttpServerRequest.class);
        BodyHead head;
        try {
            head = HttpBody.read(request, maxBytes, readTimeout);
        } catch (TimeoutException e) {
            LOG.warn("Closed the connection of HTTP sender {} ({}): its body did not arrive within {}", sender(exchange),
                    request.remoteAddress(), readTimeout);
            request.connection().close();
            exchange.getIn().setHeader(REFUSED, true);
            exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 408);
            exchange.getIn().setBody(null);
            return;
        }
        if (disk.full()) {
            exchange.getIn().setHeader(REFUSED, true);
            unavailable(exchange, ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_FULL.text(), DISK_FULL_RETRY_SECONDS);
            return;
        }
        String contentType = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isXml(contentType) && !Edifact.isMediaType(contentType)) {
            refuse(exchange, head.bytes(), 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type was '" + contentType
                    + "'; send application/xml, text/xml or application/EDIFACT");
        } else if (head.tooLarge()) {
            refuse(exchange, head.bytes(), 413, ErrorCode.MESSAGE_TOO_LARGE, tooLarge());
        } else if (head.bytes().length == 0) {
            refuse(exchange, head.bytes(), 400, ErrorCode.EMPTY_MESSAGE, "The request body is empty");
        } else {
            store(exchange, head.bytes());
        }
    }

    /**
     * For a queue: stores what arrived for admission, which answers an empty or unreadable message. A
     * message over the size limit is stored truncated and answered here with an NX903 (W005): the body
     * becomes that reply, and {@link #REFUSED} is set.
     */
    public void acceptQueued(Exchange exchange) throws JMSException {
        Message queued = exchange.getIn().getBody(Message.class);
        BodyHead head = QueuedBody.read(queued, maxBytes);
        // the broker's message id and the body name the message: a redelivery after a crash keeps its hub id and record
        accept(exchange, head, RedeliveryId.of(queued.getJMSMessageID(), queued.getJMSTimestamp(), head.bytes()));
    }

    /**
     * For a file (an SFTP upload: a {@link Path} in a mailbox, or a stream from a remote SFTP server): stored like a
     * queued message, and refused with an NX903 (W005) the same way when it is over the size limit.
     */
    public void acceptFile(Exchange exchange) throws IOException {
        if (disk.full()) {
            throw new DiskFullException();
        }
        Object body = exchange.getIn().getBody();
        try (InputStream in = body instanceof Path ? Files.newInputStream((Path) body) : exchange.getIn().getBody(InputStream.class)) {
            accept(exchange, StreamedBody.read(in, maxBytes), HubIds.next());
        }
    }

    /** Stores a message whose transport has no answer of its own as {@code hubId}: a refusal becomes an NX903 reply. */
    private void accept(Exchange exchange, BodyHead head, String hubId) {
        Optional<StoredMessage> stored = messages.find(hubId);
        if (!head.tooLarge()) {
            if (stored.isEmpty()) {
                save(exchange, hubId, head.bytes());
            } else if (!RECEIVED.equals(stored.get().status())) {
                // not a redelivery (that never finds its message admitted) but the same message sent again: admission
                // answers it as a re-send under a hub id of its own
                store(exchange, head.bytes());
                return;
            }
            forAdmission(exchange, hubId, head.bytes());
            return;
        }
        String sender = sender(exchange);
        exchange.getIn().setHeader(REFUSED, true);
        exchange.getIn().setBody(redelivery.alreadyProcessed(hubId).orElseGet(() -> jdbc.inTransaction(() -> {
            if (stored.isEmpty()) {
                save(exchange, hubId, head.bytes());
            }
            return reject.unreadable(hubId, sender, new Rejection(ErrorCode.MESSAGE_TOO_LARGE, tooLarge()));
        })));
    }

    private String tooLarge() {
        return "more than " + maxBytes + " bytes; at most " + maxBytes + " are accepted";
    }

    private void store(Exchange exchange, byte[] body) {
        String hubId = HubIds.next();
        save(exchange, hubId, body);
        forAdmission(exchange, hubId, body);
    }

    private void save(Exchange exchange, String hubId, byte[] body) {
        MessageLogContext.put(MessageLogContext.HUB_ID, hubId);
        messages.saveInbound(hubId, channel(exchange), sender(exchange), body, test(exchange));
    }

    private static void forAdmission(Exchange exchange, String hubId, byte[] body) {
        exchange.getIn().setHeader(Headers.HUB_ID, hubId);
        exchange.getIn().setHeader(Headers.SENDER, sender(exchange));
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
        unavailable(exchange, ErrorCode.INTERNAL_ERROR, "The hub cannot accept messages right now; send it again later",
                FAULT_RETRY_SECONDS);
    }

    private static void unavailable(Exchange exchange, ErrorCode code, String title, String retryAfterSeconds) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", 503);
        problem.put("code", code.code());
        exchange.getIn().setHeader("Retry-After", retryAfterSeconds);
        respond(exchange, 503, "application/problem+json", problem);
    }

    private void refuse(Exchange exchange, byte[] kept, int status, ErrorCode code, String detail) {
        String hubId = HubIds.next();
        messages.saveInbound(hubId, channel(exchange), sender(exchange), kept, test(exchange));
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

    /** A connection-test message: the test intake route, or a JMS message with the property, says so. */
    private static boolean test(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getIn().getHeader(Headers.TEST, Boolean.class));
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
