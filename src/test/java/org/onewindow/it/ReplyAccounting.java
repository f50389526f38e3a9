package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.onewindow.it.Filings.Shape;
import org.onewindow.it.ReplyCollector.Reply;

/**
 * Exact accounting of what a back office received for many declarations: per shape the replies the demo agencies'
 * rules earn (one merged NX5106, each agency's answers once), checked per declaration against the replies collected
 * from the sender's queues and the case the hub shows; and the waits (polls with deadlines) that get there.
 */
final class ReplyAccounting {
    /** What the sender receives for each shape: message type → count. */
    static final Map<Shape, Map<String, Integer>> EXPECTED = expected();

    private ReplyAccounting() {
    }

    static int expectedTotal(List<Filings.Filing> filings) {
        return filings.stream().mapToInt(f -> EXPECTED.get(f.shape()).values().stream().mapToInt(Integer::intValue).sum()).sum();
    }

    /**
     * Per declaration: the case exists with the merged acknowledgement its shape earns; the sender received exactly
     * the replies of its shape; and each agency was sent one derived message (never a second one after a crash).
     * All faults are named together.
     */
    static void assertExactReplies(DemoTraders traders, String baseUrl, List<Filings.Filing> filings, List<Reply> replies,
                                   String run) throws Exception {
        Map<String, Map<String, Integer>> byCase = new HashMap<>();
        for (Reply r : replies) {
            byCase.computeIfAbsent(String.valueOf(r.caseId()), c -> new TreeMap<>()).merge(r.messageType(), 1, Integer::sum);
        }
        List<String> faults = new ArrayList<>();
        for (Filings.Filing f : filings) {
            String about = f.declarationNo() + " " + f.shape() + ": ";
            JsonNode view = traders.get(baseUrl, "/api/v1/declarations/" + f.declarationNo().replace(" ", "%20"), TestParties.OPERATOR);
            if (view == null) {
                faults.add(about + "no case");
                continue;
            }
            if (!f.shape().mergedAck.equals(view.get("mergedAcknowledgement").asText("none"))) {
                faults.add(about + "merged acknowledgement " + view.get("mergedAcknowledgement"));
            }
            Map<String, Integer> got = byCase.getOrDefault(view.get("caseId").asText(), Map.of());
            if (!new TreeMap<>(got).equals(new TreeMap<>(EXPECTED.get(f.shape())))) {
                faults.add(about + "received " + got + ", expected " + EXPECTED.get(f.shape()));
            }
            Map<String, Integer> derived = new TreeMap<>();
            for (JsonNode m : view.get("messages")) {
                String recipient = m.get("recipient").asText("");
                if ("OUT".equals(m.get("direction").asText()) && recipient.startsWith("agency.")) {
                    derived.merge(recipient, 1, Integer::sum);
                }
            }
            if (derived.isEmpty() || derived.values().stream().anyMatch(n -> n != 1)) {
                faults.add(about + "derived messages per agency " + derived);
            }
        }
        assertThat(faults).as("declarations whose replies or derived messages are wrong (" + run + ")").isEmpty();
    }

    /** Polls until the condition holds; fails naming the progress figure after the deadline. */
    static void await(String what, BooleanSupplier done, IntSupplier progress, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + " (at " + progress.getAsInt() + ")");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /**
     * Waits until everything expected has arrived — or nothing new has come for a minute, or the deadline
     * passed: the exact assertions then name what is missing — and then until no new reply has come for three
     * seconds: anything still in flight, such as a second merged acknowledgement, arrives within moments.
     */
    static void awaitAllThenQuiet(ReplyCollector replies, int expected, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        awaitQuiet(replies, Duration.ofSeconds(60), () -> replies.distinct() >= expected || System.nanoTime() > deadline);
        awaitQuiet(replies, Duration.ofSeconds(3), () -> false);
    }

    private static void awaitQuiet(ReplyCollector replies, Duration quiet, BooleanSupplier done) {
        int seen = replies.distinct();
        long quietSince = System.nanoTime();
        while (!done.getAsBoolean() && System.nanoTime() - quietSince < quiet.toNanos()) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            if (replies.distinct() != seen) {
                seen = replies.distinct();
                quietSince = System.nanoTime();
            }
        }
    }

    private static Map<Shape, Map<String, Integer>> expected() {
        Map<String, Integer> customs = Map.of("NX5106", 1, "N5110", 1, "N5116", 1);
        Map<Shape, Map<String, Integer>> expected = new EnumMap<>(Shape.class);
        expected.put(Shape.CUSTOMS_ONLY, customs);
        expected.put(Shape.CUSTOMS_DOCUMENT_CHECK, plus(customs, Map.of("N5107", 1)));
        expected.put(Shape.FOOD_LIQUOR, plus(customs, Map.of("NX901", 2, "NX602", 1, "NX302_DN", 1)));
        expected.put(Shape.FOOD_LIQUOR_INSPECTED, plus(customs, Map.of("NX901", 2, "NX902", 2, "NX602", 1, "NX302_DN", 1)));
        expected.put(Shape.FOOD_LIQUOR_REFUSED, plus(customs, Map.of("NX903", 2)));
        expected.put(Shape.ALL_AGENCIES, plus(customs, Map.of("NX901", 3, "NX602", 1, "NX302_DN", 1, "NX402", 1)));
        return expected;
    }

    private static Map<String, Integer> plus(Map<String, Integer> a, Map<String, Integer> b) {
        Map<String, Integer> sum = new TreeMap<>(a);
        sum.putAll(b);
        return sum;
    }
}
