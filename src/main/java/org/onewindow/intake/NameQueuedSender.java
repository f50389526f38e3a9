package org.onewindow.intake;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.onewindow.infra.BrokerAccess;
import org.onewindow.infra.StampBrokerUser;
import org.onewindow.message.Headers;

/**
 * Names the transport sender of a queued message from the broker user that sent it (the broker stamps it on every
 * message, {@link StampBrokerUser}): a party's own login is its sender, whatever {@code OneWindowSender} property it set.
 * The hub itself and operators (admin role) may put messages on the queue for any party: their message's
 * {@code OneWindowSender} property stands. Either way the message's signature decides, and a signer other than the
 * transport sender is refused (T307).
 */
public final class NameQueuedSender implements Processor {
    private final BrokerAccess access;

    public NameQueuedSender(BrokerAccess access) {
        this.access = access;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        // a queue message cannot set the authenticated principal: only the broker login names it
        exchange.getIn().removeHeader(Headers.PRINCIPAL);
        String user = exchange.getIn().getBody(Message.class).getStringProperty(StampBrokerUser.PROPERTY);
        if (!access.speaksForAnyParty(user)) {
            exchange.getIn().setHeader(Headers.PRINCIPAL, user);
        }
    }
}
