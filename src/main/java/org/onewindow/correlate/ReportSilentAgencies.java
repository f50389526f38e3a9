package org.onewindow.correlate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.deliver.RedeliveryId;
import org.onewindow.reply.ErrorReplyBuilder;
import org.onewindow.reply.RejectedMessage;
import org.onewindow.reply.Rejection;
import org.onewindow.store.AgencyApplication;
import org.onewindow.store.CaseStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.TradeCase;

/**
 * The deadline watch: every agency application still without a first verdict when its case's
 * deadline has passed yields one NX903 (A201) to the submitter naming the agency. The claim on the
 * application makes it one report, however many nodes watch. The body becomes the outgoing list.
 *
 * <p>Each node's timer puts a tick on {@code onewindow.deadline-watch}; the watch runs on a consumed tick, so its
 * reports are queued in the tick's transaction like every other stage's output. A tick that comes back after its
 * reports were committed (a crash between the database and the broker commit) queues those reports again, under the
 * same hub ids, instead of losing them.
 */
public final class ReportSilentAgencies implements Processor {
    private final Jdbc jdbc;
    private final CaseStore cases;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration deadline;

    public ReportSilentAgencies(Jdbc jdbc, CaseStore cases, Outbox outbox, Clock clock, Duration deadline) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public void process(Exchange exchange) {
        // the broker's message id names the tick, so a redelivery finds what the first pass stored
        String tickId = RedeliveryId.of(exchange.getIn().getHeader("JMSMessageID", String.class),
                exchange.getIn().getHeader("JMSTimestamp", 0L, Long.class), new byte[0]);
        List<Outgoing> again = outbox.replay(tickId);
        exchange.getIn().setBody(again.isEmpty() ? jdbc.inTransaction(() -> report(tickId)) : again);
    }

    List<Outgoing> report(String tickId) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (AgencyApplication silent : cases.silentPastDeadline(clock.instant())) {
            if (!cases.claimSilenceReport(silent.caseId(), silent.agency())) {
                continue;
            }
            TradeCase c = cases.byId(silent.caseId()).orElseThrow();
            var notice = ErrorReplyBuilder.nx903(
                    new RejectedMessage(c.declarationHubId(), "NX5105", c.declarationNo(), c.declarationNo()),
                    List.of(Rejection.agencySilent(silent.agency(), silent.applicationRef(), deadline)), clock.instant());
            Outgoing out = outbox.toParty(c.submitter(), c.channel(), notice, new Outbox.About(ErrorReplyBuilder.TYPE, null, null,
                    c.declarationNo(), c.caseId(), c.declarationHubId(), tickId));
            if (out != null) {
                outgoing.add(out);
            }
        }
        return outgoing;
    }
}
