package org.onewindow.bench;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Drives declarations into a hub as back offices would — over JMS (onewindow.inbound on the TCP acceptor) or
 * HTTP (POST /api/v1/messages with the sender's token) — either at full speed (several senders, JMS in
 * transactions of {@value #JMS_BATCH}) or at a fixed rate (open loop, JMS senders committing each message: each
 * declaration's clock starts when it was due, so a late sender cannot hide queueing), and measures until the
 * last merged NX5106 arrives.
 */
final class Load {
    enum Channel { JMS, HTTP }

    private static final int JMS_BATCH = 20;
    private static final int JMS_SENDERS = 2;
    private static final int JMS_RATE_SENDERS = 4;
    private static final int HTTP_SENDERS = 16;
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final HubSession session;
    private final ReplyWatch replies;

    Load(HubSession session, ReplyWatch replies) {
        this.session = session;
        this.replies = replies;
    }

    /** Sends them all as fast as the channel takes them; the result's rate is end to end. */
    Measurement fullSpeed(Channel channel, List<HubSession.Submission> batch) throws Exception {
        long[] due = new long[batch.size()];
        Cpu cpu = Cpu.start();
        long start = System.nanoTime();
        Turns turns = asTaken(batch, due);
        if (channel == Channel.JMS) {
            inParallel(JMS_SENDERS, () -> sendJms(turns, JMS_BATCH));
        } else {
            inParallel(HTTP_SENDERS, () -> sendHttp(turns));
        }
        return finish(channel, 0, batch, due, start, cpu);
    }

    /** Sends them at {@code perSecond}, one every 1/rate seconds, from four JMS senders in turn or async HTTP requests. */
    Measurement fixedRate(Channel channel, List<HubSession.Submission> batch, double perSecond) throws Exception {
        Schedule schedule = Schedule.at(perSecond, System.nanoTime() + 10_000_000L, batch.size());
        long[] due = new long[batch.size()];
        for (int i = 0; i < due.length; i++) {
            due[i] = schedule.dueAt(i);
        }
        Cpu cpu = Cpu.start();
        Turns turns = whenDue(batch, due);
        if (channel == Channel.JMS) {
            sendJmsWhenDue(turns);
        } else {
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (HubSession.Submission s = turns.next(); s != null; s = turns.next()) {
                answers.add(http.sendAsync(request(s), HttpResponse.BodyHandlers.discarding()));
            }
            for (var answer : answers) {
                check(answer.get(1, TimeUnit.MINUTES).statusCode());
            }
        }
        return finish(channel, perSecond, batch, due, schedule.start(), cpu);
    }

    /**
     * Sends the declarations over JMS as they are handed out, from four senders taking them in turn, each committing
     * every message: several senders, so that one slow commit does not hold back the next declaration due.
     */
    void sendJmsWhenDue(Turns turns) throws Exception {
        inParallel(JMS_RATE_SENDERS, () -> sendJms(turns, 1));
    }

    /** Hands declarations to the senders one at a time, each when it is due. */
    @FunctionalInterface
    interface Turns {
        /** The next declaration to send, once it is due; null when none is left. */
        HubSession.Submission next() throws Exception;
    }

    /** The batch in order, each at once, noting when it was handed out in {@code sentAt}. */
    private static Turns asTaken(List<HubSession.Submission> batch, long[] sentAt) {
        return inOrder(batch, i -> sentAt[i] = System.nanoTime());
    }

    /** The batch in order, each not before {@code due[i]} (System.nanoTime). */
    private static Turns whenDue(List<HubSession.Submission> batch, long[] due) {
        return inOrder(batch, i -> LockSupport.parkNanos(due[i] - System.nanoTime()));
    }

    /** The batch in order, {@code beforeHandingOut} run with each one's index before it goes. */
    private static Turns inOrder(List<HubSession.Submission> batch, IntConsumer beforeHandingOut) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int i = next.getAndIncrement();
            if (i >= batch.size()) {
                return null;
            }
            beforeHandingOut.accept(i);
            return batch.get(i);
        };
    }

    /** Something a sender does until the declarations run out. */
    @FunctionalInterface
    private interface Sending {
        void run() throws Exception;
    }

    /** Runs {@code senders} copies of the sending at once and waits for all of them. */
    private static void inParallel(int senders, Sending sending) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    sending.run();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void sendJms(Turns turns, int commitEvery) throws Exception {
        Connection connection = session.brokerConnections().createConnection();
        try {
            Session jms = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = jms.createProducer(jms.createQueue("onewindow.inbound"));
            int inTransaction = 0;
            for (HubSession.Submission s = turns.next(); s != null; s = turns.next()) {
                var message = jms.createBytesMessage();
                message.writeBytes(s.bytes());
                message.setStringProperty("OneWindowSender", s.sender());
                producer.send(message);
                if (++inTransaction == commitEvery) {
                    jms.commit();
                    inTransaction = 0;
                }
            }
            jms.commit();
        } finally {
            connection.close();
        }
    }

    private void sendHttp(Turns turns) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (HubSession.Submission s = turns.next(); s != null; s = turns.next()) {
            check(http.send(request(s), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private HttpRequest request(HubSession.Submission s) {
        return HttpRequest.newBuilder(URI.create(session.hub.baseUrl() + "/api/v1/messages"))
                .header("Content-Type", "application/xml").header("Authorization", "Bearer " + s.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(s.bytes())).build();
    }

    private static void check(int status) {
        if (status != 202) {
            throw new IllegalStateException("The hub answered " + status + " to a declaration");
        }
    }

    private Measurement finish(Channel channel, double rate, List<HubSession.Submission> batch, long[] due, long start,
                               Cpu cpu) throws Exception {
        List<String> numbers = batch.stream().map(HubSession.Submission::number).toList();
        boolean complete = replies.awaitMerged(numbers, System.nanoTime() + DEADLINE.toNanos());
        long end = 0;
        long[] latencies = new long[batch.size()];
        int missing = 0;
        for (int i = 0; i < batch.size(); i++) {
            Long at = replies.mergedAt(numbers.get(i));
            if (at == null) {
                missing++;
                continue;
            }
            end = Math.max(end, at);
            latencies[i] = at - due[i];
        }
        double seconds = (end - start) / 1e9;
        double cores = cpu.coresSince(end - start);
        // the agencies' later results (NX602, N5116 …) still run; let them finish before the next measurement
        replies.awaitQuiet(1500, System.nanoTime() + DEADLINE.toNanos());
        if (!complete) {
            System.err.println("WARNING: " + missing + " declarations got no NX5106 within " + DEADLINE);
        }
        return new Measurement(channel.name(), session.signed, rate, batch.size(), missing, replies.duplicates(), seconds,
                batch.size() / seconds, cores, Measurement.Latency.of(latencies));
    }
}
