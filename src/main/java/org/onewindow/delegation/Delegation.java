package org.onewindow.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One delegation (委任) from an importer to a customs broker: for one declaration ({@link Scope#DECLARATION},
 * WJA01) or for the days {@code validFrom}–{@code validUntil} inclusive ({@link Scope#LONG_TERM}, WJA02).
 * It lets the broker act only once the broker has accepted it and until the importer revokes it.
 */
public record Delegation(
        String id,
        String importer,
        String broker,
        Scope scope,
        String declarationNo,
        LocalDate validFrom,
        LocalDate validUntil,
        State state,
        String note,
        Instant createdAt,
        Instant answeredAt,
        Instant revokedAt) {

    /** What a delegation covers. */
    public enum Scope { DECLARATION, LONG_TERM }

    /** OFFERED by the importer → ACCEPTED or REFUSED by the broker; the importer may REVOKE an offered or accepted one. */
    public enum State { OFFERED, ACCEPTED, REFUSED, REVOKED }

    /** True when the delegation is about this declaration: it names it, or it is long-term. */
    public boolean concerns(String declaration) {
        return scope == Scope.LONG_TERM || Objects.equals(declarationNo, declaration);
    }

    /** True when it is about this declaration and, if long-term, the day lies within its validity. */
    public boolean covers(String declaration, LocalDate day) {
        if (scope == Scope.DECLARATION) {
            return Objects.equals(declarationNo, declaration);
        }
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** True for a long-term delegation whose last day is before this one. */
    public boolean expiredOn(LocalDate day) {
        return scope == Scope.LONG_TERM && day.isAfter(validUntil);
    }

    /** Readable scope, as notices and rejections name it. */
    public String what() {
        return scope == Scope.DECLARATION
                ? "declaration " + declarationNo
                : "all declarations from " + validFrom + " to " + validUntil;
    }
}
