package org.onewindow.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Times the deliver stage: from the moment a step's outgoing messages enter the {@code sendOutgoing} route until
 * each is on its queue ({@code onewindow_stage_seconds{stage="deliver"}}).
 */
public final class TimeDelivery extends RoutePolicySupport {
    /** The route that puts outgoing messages on their queues. */
    public static final String ROUTE_ID = "sendOutgoing";
    private static final String STARTED = "OneWindowDeliverStarted";

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        if (started != null) {
            exchange.removeProperty(STARTED);
            HubMetrics.Stage.DELIVER.since(started);
        }
    }
}
