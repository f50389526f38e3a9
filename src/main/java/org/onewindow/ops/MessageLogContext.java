package org.onewindow.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.onewindow.message.Headers;
import org.slf4j.MDC;

/**
 * Puts the hub message id and case id of the message being processed in the logging context (MDC keys
 * {@value #HUB_ID} and {@value #CASE_ID}), so every log line of its processing — the steps', Camel's retries, the
 * sends — names them, in the text and the JSON log format alike. Set when the message enters the route it was
 * consumed by, from its headers; steps that learn them later (admission opens the case, correlation names the
 * reply) put them themselves; cleared when the exchange is done, so the next message on the thread starts clean.
 */
public final class MessageLogContext extends RoutePolicySupport {
    public static final String HUB_ID = "hubId";
    public static final String CASE_ID = "caseId";

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (!isConsumingRoute(route, exchange)) {
            return;
        }
        put(HUB_ID, exchange.getIn().getHeader(Headers.HUB_ID, String.class));
        put(CASE_ID, exchange.getIn().getHeader(Headers.CASE_ID, String.class));
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        if (isConsumingRoute(route, exchange)) {
            MDC.remove(HUB_ID);
            MDC.remove(CASE_ID);
        }
    }

    /** Only the route that consumed the message; the routes it calls (direct:…) keep its context. */
    private static boolean isConsumingRoute(Route route, Exchange exchange) {
        return route.getRouteId().equals(exchange.getFromRouteId());
    }

    /** Sets the key, or removes it when the value is unknown (nothing from an earlier message survives). */
    public static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
