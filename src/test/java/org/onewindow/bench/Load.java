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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
        int senders = channel == Channel.JMS ? JMS_SENDERS : HTTP_SENDERS;
        AtomicInteger next = new AtomicInteger();
        inParallel(senders, () -> {
            if (channel == Channel.JMS) {
                sendJms(batch, next, due, JMS_BATCH, 0, 0);
            } else {
                sendHttp(batch, next, due);
            }
        });
        return finish(channel, 0, batch, due, start, cpu);
    }

    /** Sends them at {@code perSecond}, one every 1/rate seconds, from four JMS senders in turn or async HTTP requests. */
    Measurement fixedRate(Channel channel, List<HubSession.Submission> batch, double perSecond) throws Exception {
        long[] due = new long[batch.size()];
        long period = (long) (1e9 / perSecond);
        Cpu cpu = Cpu.start();
        long start = System.nanoTime() + 10_000_000L;
        if (channel == Channel.JMS) {
            // several senders take the declarations in turn, so one slow commit does not hold back the next due one
            AtomicInteger next = new AtomicInteger();
            inParallel(JMS_RATE_SENDERS, () -> sendJms(batch, next, due, 1, start, period));
        } else {
            HttpClient http = HttpClient.newHttpClient();
            List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                due[i] = start + i * period;
                LockSupport.parkNanos(due[i] - System.nanoTime());
                answers.add(http.sendAsync(request(batch.get(i)), HttpResponse.BodyHandlers.discarding()));
            }
            for (var answer : answers) {
                check(answer.get(1, TimeUnit.MINUTES).statusCode());
            }
        }
        return finish(channel, perSecond, batch, due, start, cpu);
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

    private void sendJms(List<HubSession.Submission> batch, AtomicInteger next, long[] due, int commitEvery,
                         long start, long period) throws Exception {
        Connection connection = session.brokerConnections().createConnection();
        try {
            Session jms = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = jms.createProducer(jms.createQueue("onewindow.inbound"));
            int inTransaction = 0;
            for (int i = next.getAndIncrement(); i < batch.size(); i = next.getAndIncrement()) {
                if (period > 0) {
                    due[i] = start + i * period;
                    LockSupport.parkNanos(due[i] - System.nanoTime());
                } else {
                    due[i] = System.nanoTime();
                }
                HubSession.Submission s = batch.get(i);
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

    private void sendHttp(List<HubSession.Submission> batch, AtomicInteger next, long[] due) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = next.getAndIncrement(); i < batch.size(); i = next.getAndIncrement()) {
            due[i] = System.nanoTime();
            check(http.send(request(batch.get(i)), HttpResponse.BodyHandlers.discarding()).statusCode());
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
