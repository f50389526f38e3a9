package org.onewindow.store;

import java.util.Map;

/**
 * The order of the case states (design §4). Replies may be processed out of order — an agency's result
 * overtaking its receipt — so a state only ever moves forward: a late message is stored and forwarded,
 * but never moves a case or application back.
 */
final class States {
    private static final Map<String, Integer> APPLICATION = Map.of(
            "SUBMITTED", 0, "RECEIVED", 1, "ASSIGNED", 2, "CLOSED", 3, "CANCELLED", 3);
    private static final Map<String, Integer> DECLARATION = Map.of(
            "SUBMITTED", 0, "ACCEPTED", 1, "REJECTED", 1, "C1", 2, "C2", 2, "C3", 2, "RELEASED", 3, "CANCELLED", 4);

    private States() {
    }

    static boolean applicationMovesForward(String from, String to) {
        return forward(APPLICATION, from, to);
    }

    static boolean declarationMovesForward(String from, String to) {
        return forward(DECLARATION, from, to);
    }

    private static boolean forward(Map<String, Integer> ranks, String from, String to) {
        return from == null || ranks.getOrDefault(to, 0) > ranks.getOrDefault(from, 0);
    }
}
