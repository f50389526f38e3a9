package org.onewindow.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A back office submitting declarations on {@code onewindow.inbound} while the hub may die at any moment: each message
 * carries the broker's duplicate-detection id ({@code _AMQ_DUPL_ID}, the declaration number) and is sent durably (the
 * send returns once the broker has stored it); when a send fails it reconnects and sends the same message again, and
 * the broker drops it if it had already taken it. So each declaration is submitted exactly once, however often the hub
 * is killed. (Not in transactions: the broker refuses a whole transaction that repeats a message, so a batch that was
 * committed just before a crash could never be sent again.)
 */
final class Submitter implements AutoCloseable {
    private final List<String> brokerUrls;
    private final List<Filings.Filing> filings;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sender;

    /** Starts sending {@code filings} (in order) to whichever of the brokers answers. */
    Submitter(List<String> brokerUrls, List<Filings.Filing> filings) {
        this.brokerUrls = List.copyOf(brokerUrls);
        this.filings = List.copyOf(filings);
        this.sender = new Thread(this::sendAll, "submitter");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Declarations the broker has stored. */
    int sent() {
        return sent.get();
    }

    boolean done() {
        return sent.get() == filings.size();
    }

    int failures() {
        return failures.get();
    }

    private void sendAll() {
        int next = 0;
        while (running.get() && !done()) {
            String url = brokerUrls.get(next++ % brokerUrls.size());
            try (ActiveMQConnectionFactory factory = ReplyCollector.factory(url); Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("onewindow.inbound"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                while (running.get() && !done()) {
                    Filings.Filing filing = filings.get(sent.get());
                    var message = session.createBytesMessage();
                    message.writeBytes(filing.signed());
                    message.setStringProperty("OneWindowSender", filing.sender());
                    message.setStringProperty("_AMQ_DUPL_ID", filing.declarationNo());
                    producer.send(message);
                    sent.incrementAndGet();
                }
            } catch (JMSException | RuntimeException e) {
                failures.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // back-off before reconnecting
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sender.join(Duration.ofSeconds(20).toMillis());
    }
}
