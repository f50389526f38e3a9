package org.onewindow.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A back office reading its replies from its outbound queues ({@code onewindow.outbound.<party>}) while hubs and
 * brokers die under it: it takes messages in local transactions, reconnects after any failure, and counts for each
 * hub id how many times it received it in a transaction that committed. A batch whose commit failed may or may
 * not have been taken (the broker died around the commit): its messages are remembered, not counted, and a
 * redelivery of them under the same hub id is expected. So: a reply delivered twice shows as a count of 2; a
 * second reply about the same thing shows as a second hub id.
 */
final class ReplyCollector implements AutoCloseable {
    private static final int BATCH = 50;

    /** One reply as the back office sees it. */
    record Reply(String hubId, String messageType, String caseId, String queue) {
    }

    private final List<String> brokerUrls;
    private final List<String> queues;
    private final Map<String, Reply> byHubId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    /** Reads the parties' queues from whichever of the brokers answers (one embedded broker, or a shared one). */
    ReplyCollector(List<String> brokerUrls, List<String> parties) {
        this.brokerUrls = List.copyOf(brokerUrls);
        this.queues = parties.stream().map(p -> "onewindow.outbound." + p).toList();
        this.reader = new Thread(this::readUntilClosed, "reply-collector");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Every distinct reply received so far (by hub id). */
    List<Reply> replies() {
        return new ArrayList<>(byHubId.values());
    }

    int distinct() {
        return byHubId.size();
    }

    /** Hub ids received in more than one committed transaction: the same message delivered twice. */
    Map<String, Integer> deliveredTwice() {
        Map<String, Integer> twice = new HashMap<>();
        committed.forEach((hubId, n) -> {
            if (n.get() > 1) {
                twice.put(hubId, n.get());
            }
        });
        return twice;
    }

    /** How often the reader lost its connection (the hub or broker died under it). */
    int failures() {
        return failures.get();
    }

    private void readUntilClosed() {
        int next = 0;
        while (running.get()) {
            String url = brokerUrls.get(next++ % brokerUrls.size());
            try (ActiveMQConnectionFactory factory = factory(url); Connection connection = factory.createConnection()) {
                AtomicBoolean broken = new AtomicBoolean();
                connection.setExceptionListener(e -> broken.set(true));
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                List<MessageConsumer> consumers = new ArrayList<>();
                for (String queue : queues) {
                    consumers.add(session.createConsumer(session.createQueue(queue)));
                }
                readBatches(session, consumers, broken);
            } catch (JMSException | RuntimeException e) {
                failures.incrementAndGet();
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // back-off before reconnecting
            }
        }
    }

    private void readBatches(Session session, List<MessageConsumer> consumers, AtomicBoolean broken) throws JMSException {
        while (running.get() && !broken.get()) {
            List<Reply> batch = new ArrayList<>();
            for (int i = 0; i < consumers.size() && batch.size() < BATCH; i++) {
                for (Message m; batch.size() < BATCH && (m = consumers.get(i).receive(batch.isEmpty() ? 50 : 1)) != null; ) {
                    Reply reply = new Reply(m.getStringProperty("OneWindowHubId"), m.getStringProperty("OneWindowMessageType"),
                            m.getStringProperty("OneWindowCaseId"), queues.get(i));
                    batch.add(reply);
                    byHubId.putIfAbsent(reply.hubId(), reply); // seen, whether or not the commit below succeeds
                }
            }
            if (broken.get()) {
                throw new JMSException("connection lost");
            }
            if (!batch.isEmpty()) {
                session.commit();
                batch.forEach(r -> committed.computeIfAbsent(r.hubId(), id -> new AtomicInteger()).incrementAndGet());
            }
        }
    }

    /** A client that gives up on a dead broker quickly, so this reader reconnects (to the restarted one) itself. */
    static ActiveMQConnectionFactory factory(String url) {
        return new ActiveMQConnectionFactory(url
                + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout=10000&clientFailureCheckPeriod=2000&connectionTTL=6000");
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join(Duration.ofSeconds(20).toMillis());
    }
}
