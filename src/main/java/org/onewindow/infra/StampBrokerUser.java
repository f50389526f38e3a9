package org.onewindow.infra;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * Stamps every message sent to {@code onewindow.inbound} with the broker user that sent it, as the property
 * {@link #PROPERTY}, overwriting whatever the client put there (and removing it when the connection had no user).
 * Artemis's own {@code populate-validated-user} does this for CORE clients only: an AMQP message would arrive without
 * it, so the hub stamps it itself, for every protocol alike.
 */
public final class StampBrokerUser implements ActiveMQServerMessagePlugin {
    /** The message property carrying the broker user that sent the message. */
    public static final String PROPERTY = "OneWindowBrokerUser";

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue) {
        if (!BrokerAccess.INBOUND.equals(message.getAddress())) {
            return;
        }
        String user = session.getValidatedUser();
        if (user == null || user.isEmpty()) {
            message.removeProperty(PROPERTY);
        } else {
            message.putStringProperty(PROPERTY, user);
        }
    }
}
