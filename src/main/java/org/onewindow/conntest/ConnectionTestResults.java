package org.onewindow.conntest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.admit.ReadMessage;
import org.onewindow.correlate.AgencyReply;
import org.onewindow.correlate.AgencyReplyReader;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;

/**
 * Which pairs of a party's connection test passed, read from what the hub stored while it processed the party's
 * test messages — nothing is recorded on the message path for it:
 * <ul>
 *   <li>an agency reply correlated to one of the party's test cases and forwarded to it passes
 *       {@code TYPE>REPLY@AGENCY} (TYPE: the type of the message that opened the case); a final result
 *       (NX602, NX302_DN, NX402) only with verdict Y, else it fails that pair with the result's text;</li>
 *   <li>an agency's NX903 fails every pair of that agency for the type, with the agency's reason;</li>
 *   <li>the merged acknowledgement passes {@code TYPE>NX5106} when it is Y, and fails it when N;</li>
 *   <li>a test message the hub rejected (NX903, NX5106 N) fails every pair of its type, with the code and text.</li>
 * </ul>
 * A pair passed once stays passed; one never passed shows its latest failure, or is pending.
 */
public final class ConnectionTestResults {
    private static final Set<String> RESULTS = Set.of("NX602", "NX302_DN", "NX402");
    private static final String MERGED_ACK = "NX5106";

    private static final String TEST_CASES = "select c.case_id, c.merged_ack, m.message_type from trade_case c "
            + "join message m on m.hub_id = c.declaration_hub_id where c.submitter = ? and c.test_mode = true";
    private static final String MERGED_ACK_SENT = "select hub_id, received_at from message where case_id = ? "
            + "and direction = 'OUT' and message_type = '" + MERGED_ACK + "' order by received_at desc";
    private static final String AGENCY_REPLIES = "select m.hub_id, m.sender, m.message_type, m.received_at "
            + "from message m where m.case_id = ? and m.direction = 'IN' "
            + "and m.channel = 'AGENCY' and m.status = 'CORRELATED' order by m.received_at";
    private static final String REJECTED = "select hub_id, message_type, error_code, error_text, received_at from message "
            + "where sender = ? and test_mode = true and direction = 'IN' and status = 'REJECTED' and message_type is not null";

    private final Jdbc jdbc;
    private final MessageStore messages;
    private final ConnectionTestPlan plan;
    private final ReadMessage reader;
    private final AgencyReplyReader replies;

    /** {@code messages}: where the agencies' replies are read from, archived or not. */
    public ConnectionTestResults(Jdbc jdbc, MessageStore messages, ConnectionTestPlan plan, ReadMessage reader,
                                 AgencyReplyReader replies) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.plan = plan;
        this.reader = reader;
        this.replies = replies;
    }

    /** What the hub saw: a pass or a failure of the pairs it matches (a null reply type or agency matches any). */
    private record Observation(String messageType, String replyType, String agency, boolean passed, Instant at, String hubId,
                               String detail) {
        boolean matches(TestPair pair) {
            return messageType.equals(pair.messageType()) && (replyType == null || replyType.equals(pair.replyType()))
                    && (agency == null || agency.equals(pair.agency()));
        }
    }

    private record TestCase(String caseId, String mergedAck, String messageType) {
    }

    /** The party's pairs, in the order of its plan, with where each stands. */
    public List<PairOutcome> of(String party) {
        List<Observation> seen = observations(party);
        List<PairOutcome> outcomes = new ArrayList<>();
        for (TestPair pair : plan.of(party)) {
            List<Observation> about = seen.stream().filter(o -> o.matches(pair)).toList();
            Optional<Observation> pass = about.stream().filter(Observation::passed).min(Comparator.comparing(Observation::at));
            Optional<Observation> failure = about.stream().filter(o -> !o.passed()).max(Comparator.comparing(Observation::at));
            outcomes.add(pass.or(() -> failure)
                    .map(o -> new PairOutcome(pair, o.passed() ? PairOutcome.State.PASSED : PairOutcome.State.FAILED, o.at(),
                            o.hubId(), o.detail()))
                    .orElseGet(() -> PairOutcome.pending(pair)));
        }
        return outcomes;
    }

    private List<Observation> observations(String party) {
        List<Observation> seen = new ArrayList<>();
        for (TestCase c : jdbc.query(TEST_CASES, rs -> new TestCase(rs.getString("case_id"), rs.getString("merged_ack"),
                rs.getString("message_type")), party)) {
            mergedAcknowledgement(c).ifPresent(seen::add);
            seen.addAll(jdbc.query(AGENCY_REPLIES, rs -> agencyReply(c, rs.getString("hub_id"), rs.getString("sender"),
                    rs.getString("message_type"), Jdbc.instant(rs, "received_at"), messages.body(rs.getString("hub_id")).orElseThrow()), c.caseId()));
        }
        seen.addAll(jdbc.query(REJECTED, rs -> new Observation(rs.getString("message_type"), null, null, false,
                Jdbc.instant(rs, "received_at"), rs.getString("hub_id"), "rejected: " + rs.getString("error_text")), party));
        return seen;
    }

    private Optional<Observation> mergedAcknowledgement(TestCase c) {
        if (c.mergedAck() == null) {
            return Optional.empty();
        }
        boolean yes = "Y".equals(c.mergedAck());
        return jdbc.queryOne(MERGED_ACK_SENT, rs -> new Observation(c.messageType(), MERGED_ACK, null, yes,
                Jdbc.instant(rs, "received_at"), rs.getString("hub_id"), "merged acknowledgement " + c.mergedAck()), c.caseId());
    }

    private Observation agencyReply(TestCase c, String hubId, String agency, String type, Instant at, byte[] body) {
        if (!"NX903".equals(type) && !RESULTS.contains(type)) {
            return new Observation(c.messageType(), type, agency, true, at, hubId, type + " from " + agency);
        }
        ReadMessage.Result read = reader.read(body);
        if (!read.ok()) {
            return new Observation(c.messageType(), type, agency, false, at, hubId, "stored reply unreadable: "
                    + read.rejection().text());
        }
        AgencyReply reply = replies.read(read.message(), agency);
        if ("NX903".equals(type)) {
            return new Observation(c.messageType(), null, agency, false, at, hubId, reply.text());
        }
        return new Observation(c.messageType(), type, agency, "Y".equals(reply.verdict()), at, hubId, reply.text());
    }
}
