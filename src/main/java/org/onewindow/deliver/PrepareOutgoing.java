package org.onewindow.deliver;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.onewindow.message.Headers;

/** Turns one {@link Outgoing} into the JMS message for its queue: the XML bytes and the hub's headers. */
public final class PrepareOutgoing implements Processor {
    /** Header naming the queue the message goes to. */
    public static final String QUEUE = "OneWindowQueue";

    @Override
    public void process(Exchange exchange) {
        Outgoing out = exchange.getIn().getBody(Outgoing.class);
        Message message = exchange.getIn();
        message.removeHeaders("*");
        message.setHeader(QUEUE, out.queue());
        message.setHeader(Headers.HUB_ID, out.hubId());
        message.setHeader(Headers.MESSAGE_TYPE, out.messageType());
        message.setHeader(Headers.CASE_ID, out.caseId());
        message.setHeader(Headers.AGENCY, out.agency());
        message.setHeader(Headers.CAUSED_BY, out.causedBy());
        message.setHeader(Headers.RECIPIENT, out.recipient());
        message.setBody(out.body());
    }
}
