package org.onewindow.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.onewindow.message.MessageKeys;
import org.onewindow.message.ParsedMessage;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Answers a message the hub sent to an agency the way that agency would, for the built-in demo agencies:
 * given the agency code and the message it received, returns the replies it sends back, in order, as
 * documents valid under the hub's schemas. What it answers is decided by {@link DemoAgencyRules}:
 *
 * <ul>
 *   <li>{@code CD} (NX601), {@code DN} (NX301_DN), {@code VP} (NX401): ACCEPT → NX901, result Y;
 *       INSPECT → NX901, NX902, result Y; FAIL → NX901, NX902, result N; REJECT → NX903; SILENT → nothing.
 *       The result is NX602, NX302_DN or NX402 (see {@link AgencyReplies}).</li>
 *   <li>{@code customs} (NX5105): C1 (or ACCEPT) → [N5110], N5116; C2 / C3 → N5107, [N5110], N5116;
 *       REJECT → NX903; SILENT → nothing. N5110 is sent when the declared duties are above zero (see
 *       {@link CustomsReplies}).</li>
 * </ul>
 *
 * <p>A withdrawal (NX5105D, or a declaration with function code 1) is taken note of without a reply. A message
 * that is not the type the agency receives (an NX601 for customs, say) is a routing fault:
 * {@link IllegalArgumentException}. The step keeps no state and never waits; the route sends the replies
 * on, with the answering agency's code as {@code OneWindowAgency}.
 */
public final class AnswerAsAgency {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerAsAgency.class);

    /** The message type each demo agency receives. */
    public static final Map<String, String> RECEIVES = Map.of(
            DemoAgencyRules.CUSTOMS, "NX5105", "CD", "NX601", "DN", "NX301_DN", "VP", "NX401");

    private static final String WITHDRAWAL_TYPE = "NX5105D";
    private static final String WITHDRAWAL_FUNCTION = "1";

    private static final List<String> REPLY_TYPES =
            List.of("NX901", "NX902", "NX903", "NX602", "NX302_DN", "NX402", "N5107", "N5110", "N5116");

    private final DemoAgencyRules rules;
    private final Function<String, String> namespaces;
    private final Clock clock;

    /** The bundled rules and schemas, the system clock. */
    public AnswerAsAgency() {
        this(DemoAgencyRules.bundled(), SchemaRegistry.bundled(), Clock.systemUTC());
    }

    /** Replies in the namespaces of the newest version {@code registry} knows of each reply type. */
    public AnswerAsAgency(DemoAgencyRules rules, SchemaRegistry registry, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, String> byType = new HashMap<>();
        for (String type : REPLY_TYPES) {
            MessageType known = registry.latest(type)
                    .orElseThrow(() -> new IllegalStateException("The schema registry has no " + type + " for the demo agencies"));
            byType.put(type, known.namespace());
        }
        this.namespaces = byType::get;
    }

    /** The replies of {@code agency} to {@code received}; empty when the agency stays silent. */
    public List<Document> answer(String agency, ParsedMessage received) {
        return answer(agency, received, null);
    }

    /**
     * The replies of {@code agency} to {@code received}; {@code hubId}, the hub id of the received message
     * (nullable), is what an NX903 names as the refused message's UUID.
     */
    public List<Document> answer(String agency, ParsedMessage received, String hubId) {
        Objects.requireNonNull(received, "received");
        String expected = RECEIVES.get(agency);
        if (expected == null) {
            throw new IllegalArgumentException("No demo agency '" + agency + "'; known: " + RECEIVES.keySet());
        }
        String type = received.type().type();
        MessageKeys keys = MessageKeys.of(received);
        if (WITHDRAWAL_TYPE.equals(type) || WITHDRAWAL_FUNCTION.equals(keys.functionCode())) {
            // the hub tells every agency of a case that it was withdrawn; an agency closes its file, it does not answer
            LOG.info("Demo agency {} closes its file on withdrawn declaration {}", agency, keys.declarationNo());
            return List.of();
        }
        if (!expected.equals(type)) {
            throw new IllegalArgumentException("Demo agency " + agency + " receives " + expected + ", not " + type);
        }
        Received message = Received.of(agency, received);
        DemoAgencyRules.Decision decision = rules.decide(message);
        Instant now = clock.instant();
        LOG.info("Demo agency {} answers {} {} ({}) with {} (rules line {})", agency, type, message.declarationNo(),
                message.reference() != null ? message.reference() : "declaration", decision.outcome(), decision.line());
        if (decision.outcome() == DemoOutcome.SILENT) {
            return List.of();
        }
        if (decision.outcome() == DemoOutcome.REJECT) {
            String office = DemoAgencyRules.CUSTOMS.equals(agency)
                    ? CustomsReplies.office(message)
                    : AgencyReplies.office(message);
            return List.of(ErrorReplies.refusal(message, office, decision.text(), hubId, now, namespaces.apply("NX903")));
        }
        return DemoAgencyRules.CUSTOMS.equals(agency) ? customs(message, decision, now) : agency(message, decision, now);
    }

    private List<Document> agency(Received message, DemoAgencyRules.Decision decision, Instant now) {
        boolean failing = decision.outcome() == DemoOutcome.FAIL;
        AgencyReplies replies = new AgencyReplies(message, failing ? decision.items() : List.of(), decision.text(), now, namespaces);
        return switch (decision.outcome()) {
            case ACCEPT -> List.of(replies.receivedNotice(), replies.result());
            case INSPECT, FAIL -> List.of(replies.receivedNotice(), replies.inspectionNotice(), replies.result());
            default -> throw new IllegalStateException("Outcome " + decision.outcome() + " is not for agencies");
        };
    }

    private List<Document> customs(Received message, DemoAgencyRules.Decision decision, Instant now) {
        CustomsReplies replies = new CustomsReplies(message, now, namespaces);
        String selection = switch (decision.outcome()) {
            case ACCEPT, C1 -> "C1";
            case C2 -> "C2";
            case C3 -> "C3";
            default -> throw new IllegalStateException("Outcome " + decision.outcome() + " is not for customs");
        };
        List<Document> out = new ArrayList<>(3);
        if (!selection.equals("C1")) {
            out.add(replies.furtherAction(selection, decision.items()));
        }
        if (replies.hasDutiesToPay()) {
            out.add(replies.dutiesNotice(selection));
        }
        out.add(replies.release(selection));
        return out;
    }
}
