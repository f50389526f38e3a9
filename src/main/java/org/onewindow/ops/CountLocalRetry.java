package org.onewindow.ops;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Called by the error handler before each local retry of a transient fault; counts them on the exchange, so a
 * parked message can say how often each delivery was retried in place ({@link ParkedHeaders#LOCAL_RETRIES}).
 */
public final class CountLocalRetry implements Processor {
    static final String PROPERTY = "OneWindowLocalRetries";

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(PROPERTY, exchange.getProperty(PROPERTY, 0, Integer.class) + 1);
    }
}
