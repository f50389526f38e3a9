package org.onewindow.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onewindow.message.ErrorCode;
import org.onewindow.reply.Rejection;

/**
 * Who may send a declaration for an importer. The rule: the importer itself, or a broker holding a
 * delegation (委任) from that importer that the broker has ACCEPTED, that the importer has not revoked, and
 * that covers the declaration — a per-declaration delegation (WJA01) naming exactly this declaration
 * number, or a long-term one (WJA02) valid on the day of receipt in the hub's time zone. Anyone else is
 * refused with T310, answered as an NX903, whose detail names the importer, the sender and why: no
 * delegation, only delegations for other declarations, offered but not accepted, refused, revoked,
 * expired, or not yet valid.
 */
public final class CheckSenderMayAct {
    private final DelegationStore delegations;
    private final ZoneId zone;

    public CheckSenderMayAct(DelegationStore delegations, ZoneId zone) {
        this.delegations = delegations;
        this.zone = zone;
    }

    /** Empty when the sender may act for the importer on this declaration at this instant; else the T310 rejection. */
    public Optional<Rejection> check(String sender, String importer, String declarationNo, Instant at) {
        if (sender.equals(importer)) {
            return Optional.empty();
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        List<Delegation> given = delegations.between(importer, sender);
        boolean delegated = given.stream().anyMatch(d -> d.state() == Delegation.State.ACCEPTED && d.covers(declarationNo, day));
        if (delegated) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(ErrorCode.SENDER_NOT_DELEGATED, "Sender " + sender + " may not act for importer "
                + importer + " on declaration " + declarationNo + ": " + why(given, declarationNo, day)));
    }

    private static String why(List<Delegation> given, String declarationNo, LocalDate day) {
        if (given.isEmpty()) {
            return "the importer has given it no delegation (WJA01 for one declaration, WJA02 long-term)";
        }
        List<Delegation> relevant = given.stream().filter(d -> d.concerns(declarationNo)).toList();
        if (relevant.isEmpty()) {
            return "its delegations from the importer cover other declarations only ("
                    + given.stream().map(Delegation::declarationNo).distinct().collect(Collectors.joining(", ")) + ")";
        }
        Delegation latest = relevant.get(0);
        String which = "delegation " + latest.id() + " (" + latest.what() + ")";
        return switch (latest.state()) {
            case OFFERED -> which + " is offered but the broker has not accepted it (WJA03)";
            case REFUSED -> which + " was refused by the broker";
            case REVOKED -> which + " was revoked by the importer";
            case ACCEPTED -> latest.expiredOn(day) ? which + " expired after " + latest.validUntil()
                    : which + " is valid only from " + latest.validFrom();
        };
    }
}
