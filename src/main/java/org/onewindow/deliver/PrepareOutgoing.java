package org.onewindow.deliver;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.onewindow.message.Headers;

/**
 * Turns one {@link Outgoing} into the JMS message for its queue: the XML bytes and the hub's headers. What the
 * processing of a connection-test message sends ({@link Headers#TEST} on the exchange) keeps that header, and
 * its agency messages go to the demo agencies' test queues ({@code test.agency.<code>}), never to an agency's
 * production queue.
 */
public final class PrepareOutgoing implements Processor {
    /** Header naming the queue the message goes to. */
    public static final String QUEUE = "OneWindowQueue";
    /** Prefix of the test queues the connection test's demo agencies read: test.agency.customs, … */
    public static final String TEST_QUEUE_PREFIX = "test.";
    /** The JMS message group header: the broker hands a group's messages to one consumer at a time, in order. */
    static final String GROUP = "JMSXGroupID";

    @Override
    public void process(Exchange exchange) {
        Outgoing out = exchange.getIn().getBody(Outgoing.class);
        Message message = exchange.getIn();
        boolean test = Boolean.TRUE.equals(message.getHeader(Headers.TEST, Boolean.class));
        message.removeHeaders("*");
        boolean toAgency = out.queue().startsWith(Outbox.AGENCY_QUEUE_PREFIX);
        message.setHeader(QUEUE, test && toAgency ? TEST_QUEUE_PREFIX + out.queue() : out.queue());
        if (test) {
            message.setHeader(Headers.TEST, true);
        }
        message.setHeader(Headers.HUB_ID, out.hubId());
        message.setHeader(Headers.MESSAGE_TYPE, out.messageType());
        message.setHeader(Headers.CASE_ID, out.caseId());
        message.setHeader(Headers.AGENCY, out.agency());
        message.setHeader(Headers.CAUSED_BY, out.causedBy());
        if (out.agency() != null && out.caseId() != null) {
            // one message group per case: an agency system (or the demo agencies) with several consumers still
            // gets a case's messages — the application, then its replacement or withdrawal — in order
            message.setHeader(GROUP, out.caseId());
        }
        message.setBody(out.body());
    }
}
