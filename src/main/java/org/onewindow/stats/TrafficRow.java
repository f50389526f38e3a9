package org.onewindow.stats;

import java.time.LocalDate;

/**
 * One line of the traffic statistics: what one party sent on one day (in the statistics' time zone) of one
 * message type in one syntax, and what became of it. {@code received} counts every message that arrived, also
 * those still in flight and re-sends; {@code accepted} those admitted, {@code rejected} those answered with an
 * error. A message the hub could not read has no type (null).
 */
public record TrafficRow(LocalDate day, String party, String messageType, String syntax, long received, long accepted,
                         long rejected) {

    TrafficRow plus(long moreReceived, long moreAccepted, long moreRejected) {
        return new TrafficRow(day, party, messageType, syntax, received + moreReceived, accepted + moreAccepted,
                rejected + moreRejected);
    }
}
