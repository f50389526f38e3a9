package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a back office must see for an accepted combined declaration that touches all four agencies. */
final class CombinedDeclarationChecks {
    static final Set<String> FINAL_RESULTS = Set.of("NX602", "NX302_DN", "NX402", "N5116");
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);

    private CombinedDeclarationChecks() {
    }

    /** Collects a party's replies until it has the merged acknowledgement and every final result. */
    /**
     * Files many copies of a food + liquor declaration (distinct numbers) at once, so replies to
     * different cases — and several replies to one case — are correlated concurrently; every case must
     * end released with exactly one merged acknowledgement.
     */
    static void manyDeclarationsAtOnce(HubClient client, String party, int count) throws Exception {
        String xml = Files.readString(Path.of("samples/NX5105/valid/food-liquor.xml"), StandardCharsets.UTF_8);
        String original = xml.replaceAll("(?s).*?<ID>([^<]{14})</ID>.*", "$1");
        client.delegateSampleImporters(party);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = original.substring(0, 9) + String.format("%05d", 70000 + i);
            numbers.add(number);
            client.sendToInbound(xml.replace(original, number).getBytes(StandardCharsets.UTF_8), party);
        }
        Map<String, Integer> counts = new HashMap<>();
        while (counts.getOrDefault("NX5106", 0) < count || counts.getOrDefault("N5116", 0) < count) {
            HubClient.Received reply = client.receive(party, REPLY_WAIT);
            assertThat(reply).as("replies so far " + counts).isNotNull();
            counts.merge(reply.messageType(), 1, Integer::sum);
        }
        for (HubClient.Received late; (late = client.receive(party, Duration.ofSeconds(2))) != null; ) {
            counts.merge(late.messageType(), 1, Integer::sum);
        }
        assertThat(counts.get("NX5106")).as("merged acknowledgements").isEqualTo(count);
        for (String number : numbers) {
            JsonNode view = client.get("/api/v1/declarations/" + number.replace(" ", "%20"));
            assertThat(view.get("state").asText()).as(number).isEqualTo("RELEASED");
            assertThat(view.get("mergedAcknowledgement").asText()).as(number).isEqualTo("Y");
        }
    }

    /** Where a test reads a party's replies from: its pull mailbox or its JMS queue. */
    @FunctionalInterface
    interface Replies {
        HubClient.Received next(Duration wait) throws Exception;
    }

    static List<HubClient.Received> repliesUntilComplete(HubClient client, String party) throws Exception {
        return repliesUntilComplete(wait -> client.receive(party, wait));
    }

    static List<HubClient.Received> repliesUntilComplete(Replies source) throws Exception {
        List<HubClient.Received> replies = new ArrayList<>();
        Set<String> missing = new TreeSet<>(FINAL_RESULTS);
        missing.add("NX5106");
        while (!missing.isEmpty()) {
            HubClient.Received reply = source.next(REPLY_WAIT);
            assertThat(reply).as("still waiting for " + missing + " after " + types(replies)).isNotNull();
            replies.add(reply);
            missing.remove(reply.messageType());
        }
        // anything still in flight for this party arrives within a moment; a second NX5106 would show here
        for (HubClient.Received late; (late = source.next(Duration.ofSeconds(2))) != null; ) {
            replies.add(late);
        }
        return replies;
    }

    static void assertExactlyOneMergedAckAndEveryFinalResult(List<HubClient.Received> replies) {
        Map<String, Integer> counts = new HashMap<>();
        replies.forEach(r -> counts.merge(r.messageType(), 1, Integer::sum));
        assertThat(counts.get("NX5106")).as("merged acknowledgements in " + types(replies)).isEqualTo(1);
        HubClient.Received merged = replies.stream().filter(r -> r.messageType().equals("NX5106")).findFirst().orElseThrow();
        assertThat(merged.body()).contains(">Y<");
        for (String result : FINAL_RESULTS) {
            assertThat(counts.get(result)).as(result + " in " + types(replies)).isEqualTo(1);
        }
        assertThat(replies).extracting(HubClient.Received::caseId).containsOnly(replies.get(0).caseId());
    }

    static void assertCaseHistoryComplete(JsonNode view) {
        List<String> declarationStates = new ArrayList<>();
        Map<String, List<String>> agencyStates = new HashMap<>();
        for (JsonNode event : view.get("history")) {
            if (event.get("agency").isNull()) {
                declarationStates.add(event.get("to").asText());
            } else {
                agencyStates.computeIfAbsent(event.get("agency").asText(), k -> new ArrayList<>()).add(event.get("to").asText());
            }
            assertThat(event.get("hubId").isNull()).as("every transition names its message").isFalse();
        }
        assertThat(declarationStates).startsWith("SUBMITTED", "ACCEPTED").endsWith("RELEASED");
        assertThat(declarationStates.get(2)).isIn("C1", "C2", "C3");
        assertThat(agencyStates).containsOnlyKeys("customs", "CD", "DN", "VP");
        agencyStates.forEach((agency, states) ->
                assertThat(states).as(agency).startsWith("SUBMITTED", "RECEIVED").endsWith("CLOSED"));
        assertThat(view.get("state").asText()).isEqualTo("RELEASED");
    }

    private static List<String> types(List<HubClient.Received> replies) {
        return replies.stream().map(HubClient.Received::messageType).toList();
    }
}
