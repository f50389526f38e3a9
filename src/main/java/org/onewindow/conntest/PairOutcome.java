package org.onewindow.conntest;

import java.time.Instant;

/**
 * Where one pair of a party's connection test stands: {@code PASSED} (the first time it passed: when, and the hub id
 * of the reply or case that showed it), {@code FAILED} (never passed; the latest failure: when, which message, why)
 * or {@code PENDING} (nothing seen yet).
 */
public record PairOutcome(TestPair pair, State state, Instant at, String hubId, String detail) {

    public enum State { PASSED, FAILED, PENDING }

    static PairOutcome pending(TestPair pair) {
        return new PairOutcome(pair, State.PENDING, null, null, null);
    }
}
