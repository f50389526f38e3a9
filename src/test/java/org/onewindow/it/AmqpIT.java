package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * AMQP 1.0 with a client that is not Artemis's own (Apache Qpid JMS): a party logs in with its party id and API token,
 * sends a signed declaration to {@code onewindow.inbound} and receives the merged acknowledgement from its own
 * {@code onewindow.outbound.<party>}; it cannot read another party's queue nor write to an agency's; a wrong token or
 * no credentials cannot connect; its broker login, not a message property, is the transport sender.
 */
class AmqpIT extends SharedHub {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final String IMPORTER = "24536806";
    private static final String OTHER = "12345675";

    private static final SampleDeclaration SAMPLES = new SampleDeclaration(70010);

    @Test
    void aPartySendsASignedDeclarationOverAmqpAndReceivesTheMergedAcknowledgementOnItsOwnQueue() throws Exception {
        String number = SAMPLES.nextNumber();
        try (Connection connection = connect(IMPORTER, client.party(IMPORTER).token())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "onewindow.inbound", HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(number)), null);

            String reply = awaitReply(session, IMPORTER, "NX5106", number);
            assertThat(reply).contains("<ID>" + number + "</ID>");
        }
    }

    @Test
    void aPartyCannotReadAnotherPartysQueueNorWriteToAnAgencysQueue() throws Exception {
        try (Connection connection = connect(IMPORTER, client.party(IMPORTER).token())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("onewindow.outbound." + OTHER)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> send(session, "agency.customs", "<x/>".getBytes(StandardCharsets.UTF_8), null))
                    .isInstanceOf(JMSSecurityException.class);
        }
        assertThatThrownBy(() -> connect(IMPORTER, "not-the-token").close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect(null, null).close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void theBrokerLoginIsTheTransportSenderSoAClaimedSenderPropertyCannotHideAForeignSignature() throws Exception {
        String number = SAMPLES.nextNumber();
        try (Connection connection = connect(OTHER, client.party(OTHER).token())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, "onewindow.inbound", HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(number)), IMPORTER);

            assertThat(awaitReply(session, OTHER, "NX903", "T307")).contains("T307");
        }
    }

    private static Connection connect(String user, String password) throws JMSException {
        Connection connection = new JmsConnectionFactory(user, password, "amqp://127.0.0.1:" + hub.brokerPort).createConnection();
        try {
            connection.start();
        } catch (JMSException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void send(Session session, String queue, byte[] body, String claimedSender) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            if (claimedSender != null) {
                message.setStringProperty("OneWindowSender", claimedSender);
            }
            producer.send(message);
        }
    }

    /** Reads the party's outbound queue until a reply of the type containing {@code text} arrives. */
    private static String awaitReply(Session session, String party, String type, String text) throws JMSException {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue("onewindow.outbound." + party))) {
            while (System.nanoTime() < deadline) {
                Message message = consumer.receive(1000);
                if (message == null || !type.equals(message.getStringProperty("OneWindowMessageType"))) {
                    continue;
                }
                String body = new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
                if (body.contains(text)) {
                    return body;
                }
            }
        }
        throw new AssertionError("No " + type + " with " + text + " on onewindow.outbound." + party + " within " + REPLY_WAIT);
    }

}
