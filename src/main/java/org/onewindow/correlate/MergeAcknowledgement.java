package org.onewindow.correlate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.deliver.Outbox;
import org.onewindow.deliver.Outgoing;
import org.onewindow.reply.AgencyVerdict;
import org.onewindow.reply.MergedAcknowledgementBuilder;
import org.onewindow.reply.MergedVerdict;
import org.onewindow.schema.MessageType;
import org.onewindow.schema.SchemaRegistry;
import org.onewindow.store.AgencyApplication;
import org.onewindow.store.CaseStore;
import org.onewindow.store.TradeCase;

/**
 * Sends the one merged acknowledgement (NX5106) of a combined declaration once customs and every
 * agency have given their first verdict: Y when all accepted, else N with each agency's per-item
 * codes. The claim on the case makes it exactly one, whichever node or redelivery gets here first.
 * The case then moves to ACCEPTED or REJECTED, and on to customs' selection and release if those
 * arrived before the last verdict.
 */
public final class MergeAcknowledgement {
    private final CaseStore cases;
    private final Outbox outbox;
    private final Clock clock;
    private final String version;

    public MergeAcknowledgement(CaseStore cases, Outbox outbox, SchemaRegistry registry, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
        this.version = registry.latest(MergedAcknowledgementBuilder.TYPE).map(MessageType::version).orElse(null);
    }

    /** The NX5106 to send now, if this was the last first verdict the case waited for. */
    public Optional<Outgoing> ifComplete(TradeCase c, String causingHubId) {
        if (!c.combined() || c.mergedAck() != null) {
            return Optional.empty();
        }
        List<AgencyApplication> applications = cases.applications(c.caseId());
        if (applications.stream().anyMatch(a -> a.firstVerdict() == null)) {
            return Optional.empty();
        }
        List<AgencyVerdict> verdicts = new ArrayList<>();
        for (AgencyApplication a : applications) {
            verdicts.add(new AgencyVerdict(a.agency(), a.applicationRef(), "Y".equals(a.firstVerdict()),
                    ItemCodes.parse(a.verdictCodes()), null));
        }
        boolean accepted = verdicts.stream().allMatch(AgencyVerdict::accepted);
        if (!cases.claimMergedAck(c.caseId(), accepted ? "Y" : "N")) {
            return Optional.empty();
        }
        cases.moveCase(c.caseId(), accepted ? "ACCEPTED" : "REJECTED", causingHubId);
        if (accepted) {
            catchUpWithCustoms(c, applications, causingHubId);
        }
        var document = MergedAcknowledgementBuilder.nx5106(new MergedVerdict(c.declarationNo(), accepted, verdicts, List.of()),
                clock.instant());
        return Optional.ofNullable(outbox.toParty(c.submitter(), c.channel(), document, new Outbox.About(MergedAcknowledgementBuilder.TYPE,
                version, null, c.declarationNo(), c.caseId(), c.declarationHubId(), causingHubId)));
    }

    private void catchUpWithCustoms(TradeCase c, List<AgencyApplication> applications, String causingHubId) {
        String selection = cases.byId(c.caseId()).map(TradeCase::customsSelection).orElse(null);
        if (selection != null) {
            cases.moveCase(c.caseId(), selection, causingHubId);
        }
        boolean released = applications.stream().anyMatch(a -> CorrelateReply.CUSTOMS.equals(a.agency()) && "CLOSED".equals(a.state()));
        if (released) {
            cases.moveCase(c.caseId(), "RELEASED", causingHubId);
        }
    }
}
