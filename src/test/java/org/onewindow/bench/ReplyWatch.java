package org.onewindow.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The senders' back offices: listens on their outbound queues over the broker's TCP acceptor and notes when
 * each declaration's merged NX5106 arrives (by the declaration number in it), and its case. Every other reply
 * is counted and dropped. A second NX5106 for one declaration is counted as a duplicate. The arrivals go to maps
 * of every declaration, or once handed over, to {@link Arrivals} of the caller's (the soak's ledger, whose memory
 * does not grow with the number of declarations).
 */
final class ReplyWatch implements AutoCloseable {
    /** Takes note of each merged NX5106. */
    @FunctionalInterface
    interface Arrivals {
        void merged(String declarationNo, String caseId, long atNanos);
    }

    private final Connection connection;
    private volatile Arrivals arrivals = this::remember;
    private final Map<String, Long> mergedAt = new ConcurrentHashMap<>();
    private final Map<String, String> caseOf = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();
    private final AtomicLong lastReplyAt = new AtomicLong(System.nanoTime());

    ReplyWatch(ActiveMQConnectionFactory broker, List<String> parties) throws JMSException {
        connection = broker.createConnection();
        for (String party : parties) {
            // one session per queue: each gets its own delivery thread
            Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            session.createConsumer(session.createQueue("onewindow.outbound." + party)).setMessageListener(this::onMessage);
        }
        connection.start();
    }

    private void onMessage(Message message) {
        long now = System.nanoTime();
        replies.incrementAndGet();
        lastReplyAt.set(now);
        try {
            if (!"NX5106".equals(message.getStringProperty("OneWindowMessageType"))) {
                return;
            }
            BytesMessage bytes = (BytesMessage) message;
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            Matcher m = DeclarationFactory.NUMBER.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                arrivals.merged(m.group(), message.getStringProperty("OneWindowCaseId"), now);
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remember(String declarationNo, String caseId, long atNanos) {
        if (mergedAt.putIfAbsent(declarationNo, atNanos) != null) {
            duplicates.incrementAndGet();
        }
        caseOf.put(declarationNo, caseId);
    }

    /** From now on the NX5106s go to {@code other}, not to this watch's maps. */
    void handArrivalsTo(Arrivals other) {
        arrivals = other;
    }

    /** When the NX5106 of the declaration arrived (System.nanoTime), or null. */
    Long mergedAt(String declarationNo) {
        return mergedAt.get(declarationNo);
    }

    String caseOf(String declarationNo) {
        return caseOf.get(declarationNo);
    }

    int duplicates() {
        return duplicates.get();
    }

    /** Waits until every declaration has its NX5106; false if the deadline passes first. */
    boolean awaitMerged(List<String> numbers, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (numbers.stream().allMatch(mergedAt::containsKey)) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Waits until no reply has arrived for {@code quietMillis}: the trailing agency results are done. */
    void awaitQuiet(long quietMillis, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos && System.nanoTime() - lastReplyAt.get() < quietMillis * 1_000_000L) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
