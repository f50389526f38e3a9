package org.onewindow.conntest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.onewindow.api.Caller;
import org.onewindow.api.JsonAnswer;
import org.onewindow.certificate.HubCertificates;

/**
 * The connection test's REST API: where each pair of a party's test stands, and its signed test-pass certificate
 * once every pair passed (409 naming the pairs that failed or are pending until then). A party sees only its own
 * (another party's answer 404); an admin sees every party's.
 */
public final class ConnectionTestApi {
    private final ConnectionTestResults results;
    private final HubCertificates certificates;

    public ConnectionTestApi(ConnectionTestResults results, HubCertificates certificates) {
        this.results = results;
        this.certificates = certificates;
    }

    /** GET /api/v1/parties/{party}/connection-test: every pair with its state, and whether the test is passed. */
    public void status(Exchange exchange) {
        List<PairOutcome> outcomes = outcomes(exchange);
        if (outcomes == null) {
            return;
        }
        String party = exchange.getIn().getHeader("party", String.class);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (PairOutcome o : outcomes) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("pair", o.pair().toString());
            json.put("messageType", o.pair().messageType());
            json.put("reply", o.pair().replyType());
            json.put("agency", o.pair().agency());
            json.put("state", o.state().name());
            json.put("at", o.at() == null ? null : o.at().toString());
            json.put("hubId", o.hubId());
            json.put("detail", o.detail());
            pairs.add(json);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("party", party);
        boolean passed = allPassed(outcomes);
        answer.put("passed", passed);
        if (passed) {
            answer.put("certificate", "/api/v1/parties/" + party + "/connection-test/certificate");
        }
        answer.put("pairs", pairs);
        JsonAnswer.ok(exchange, answer);
    }

    /** GET /api/v1/parties/{party}/connection-test/certificate: the signed certificate (XML), or 409 with what is missing. */
    public void certificate(Exchange exchange) {
        List<PairOutcome> outcomes = outcomes(exchange);
        if (outcomes == null) {
            return;
        }
        String party = exchange.getIn().getHeader("party", String.class);
        if (!allPassed(outcomes)) {
            String missing = outcomes.stream().filter(o -> o.state() != PairOutcome.State.PASSED)
                    .map(o -> o.pair() + " " + o.state() + (o.detail() == null ? "" : " (" + o.detail() + ")"))
                    .collect(Collectors.joining("; "));
            JsonAnswer.problem(exchange, 409, "The connection test is not passed yet", "Not passed: " + missing);
            return;
        }
        List<HubCertificates.PassedPair> passed = outcomes.stream().map(o -> new HubCertificates.PassedPair(
                o.pair().messageType(), o.pair().replyType(), o.pair().agency(), o.at(), o.hubId())).toList();
        Instant last = outcomes.stream().map(PairOutcome::at).max(Comparator.naturalOrder()).orElseThrow();
        JsonAnswer.file(exchange, "application/xml", "connection-test-" + party + ".xml",
                certificates.connectionTest(party, last, passed));
    }

    private static boolean allPassed(List<PairOutcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.state() == PairOutcome.State.PASSED);
    }

    /**
     * Where the pairs of the party asked about stand, or null after answering: 404 when the caller may not see it,
     * 500 naming the setting when the party's own list in the hub's settings is malformed (for the operator to fix).
     */
    private List<PairOutcome> outcomes(Exchange exchange) {
        String party = exchange.getIn().getHeader("party", String.class);
        if (!Caller.of(exchange).mayRead(party)) {
            JsonAnswer.problem(exchange, 404, "Not found", "No connection test of " + party + " for you: a party reads only its own");
            return null;
        }
        try {
            return results.of(party);
        } catch (IllegalArgumentException e) {
            JsonAnswer.problem(exchange, 500, "The hub's connection-test settings are wrong; tell its operator", e.getMessage());
            return null;
        }
    }
}
