package org.onewindow.api;

import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.onewindow.ops.ParkedActions;
import org.onewindow.ops.ParkedMessage;
import org.onewindow.ops.ParkedMessages;

/**
 * The admin REST API of parked messages ({@code /api/v1/admin/parked…}, admin role only — enforced by
 * {@link AuthenticateCaller}): the dead-letter queues with their counts, a page of one queue, one message with its
 * headers, hub id, failure and body, replay to the queue it came from, discard; and the audit of replays and
 * discards ({@code /api/v1/admin/parked-actions}). The acting admin is the caller. Unknown queues and messages
 * answer 404, a broker that does not answer 503.
 */
public final class ParkedApi {
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1000;

    private final ParkedMessages parked;
    private final ParkedActions actions;

    public ParkedApi(ParkedMessages parked, ParkedActions actions) {
        this.parked = parked;
        this.actions = actions;
    }

    /** GET /api/v1/admin/parked: every dead-letter queue, the queue it parks for, and its count. */
    public void queues(Exchange exchange) {
        answering(exchange, () -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ParkedMessages.ParkedQueue q : parked.queues()) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("queue", q.deadLetterQueue());
                view.put("parkedFrom", q.parkedFrom());
                view.put("count", q.count());
                list.add(view);
            }
            JsonAnswer.ok(exchange, list);
        });
    }

    /** GET /api/v1/admin/parked/{queue}?limit=N: the oldest parked messages of one queue, without bodies. */
    public void list(Exchange exchange) {
        answering(exchange, () -> {
            String queue = queue(exchange);
            if (queue == null) {
                return;
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (ParkedMessage m : parked.list(queue, limit(exchange))) {
                list.add(summary(m));
            }
            JsonAnswer.ok(exchange, list);
        });
    }

    /** GET /api/v1/admin/parked/{queue}/{messageId}: one message with every header and its body. */
    public void show(Exchange exchange) {
        answering(exchange, () -> {
            String queue = queue(exchange);
            if (queue != null) {
                found(exchange, queue, parked.show(queue, messageId(exchange)), true);
            }
        });
    }

    /** POST /api/v1/admin/parked/{queue}/{messageId}/replay: back on the queue it came from; audited. */
    public void replay(Exchange exchange) {
        answering(exchange, () -> {
            String queue = queue(exchange);
            if (queue != null) {
                found(exchange, queue, parked.replay(Caller.of(exchange).partyId(), queue, messageId(exchange)), false);
            }
        });
    }

    /** DELETE /api/v1/admin/parked/{queue}/{messageId}: removed for good; audited. */
    public void discard(Exchange exchange) {
        answering(exchange, () -> {
            String queue = queue(exchange);
            if (queue != null) {
                found(exchange, queue, parked.discard(Caller.of(exchange).partyId(), queue, messageId(exchange)), false);
            }
        });
    }

    /** GET /api/v1/admin/parked-actions?limit=N: who replayed or discarded what, newest first. */
    public void audit(Exchange exchange) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ParkedActions.Action a : actions.latest(limit(exchange))) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("at", String.valueOf(a.at()));
            view.put("actor", a.actor());
            view.put("action", a.action());
            view.put("queue", a.deadLetterQueue());
            view.put("messageId", a.messageId());
            view.put("hubId", a.hubId());
            view.put("parkedFrom", a.parkedFrom());
            view.put("failure", a.failure());
            list.add(view);
        }
        JsonAnswer.ok(exchange, list);
    }

    private static void found(Exchange exchange, String queue, Optional<ParkedMessage> message, boolean withBody) {
        if (message.isEmpty()) {
            JsonAnswer.problem(exchange, 404, "Not found", "No message " + messageId(exchange) + " is parked on " + queue);
            return;
        }
        Map<String, Object> view = summary(message.get());
        view.put("headers", message.get().headers());
        if (withBody) {
            view.put("body", message.get().bodyText());
        }
        JsonAnswer.ok(exchange, view);
    }

    private static Map<String, Object> summary(ParkedMessage m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id());
        view.put("queue", m.deadLetterQueue());
        view.put("parkedFrom", m.parkedFrom());
        view.put("hubId", m.hubId());
        view.put("messageType", m.messageType());
        view.put("parkedAt", String.valueOf(m.parkedAt()));
        view.put("failure", m.failure());
        view.put("deliveries", m.deliveries());
        view.put("localRetries", m.localRetries());
        view.put("sizeBytes", m.body().length);
        return view;
    }

    /** The queue of the request when the hub parks on it; otherwise answers 404 and returns null. */
    private String queue(Exchange exchange) {
        String queue = exchange.getIn().getHeader("queue", String.class);
        if (!parked.isDeadLetterQueue(queue)) {
            JsonAnswer.problem(exchange, 404, "Not found", "No dead-letter queue " + queue + "; GET /api/v1/admin/parked lists them");
            return null;
        }
        return queue;
    }

    private static String messageId(Exchange exchange) {
        return exchange.getIn().getHeader("messageId", "", String.class);
    }

    private static int limit(Exchange exchange) {
        String limit = exchange.getIn().getHeader("limit", String.class);
        try {
            return limit == null ? DEFAULT_PAGE : Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(limit.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE;
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws JMSException;
    }

    private static void answering(Exchange exchange, Call call) {
        try {
            call.run();
        } catch (IllegalArgumentException e) {
            JsonAnswer.problem(exchange, 409, "Cannot do that", e.getMessage());
        } catch (JMSException e) {
            JsonAnswer.problem(exchange, 503, "The broker cannot be reached", "Try again when GET /observe/health/ready says the broker is UP");
        }
    }
}
