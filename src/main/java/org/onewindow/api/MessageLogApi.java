package org.onewindow.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.onewindow.ledger.SealMessageLog;
import org.onewindow.ledger.VerifyMessageLog;

/**
 * GET /api/v1/admin/message-log/verify (admin role): seals what is waiting, then verifies every party's chain of
 * stored message records, and every archive file retention wrote, and answers the report — {@code intact}, the
 * records checked, those not sealed yet, those whose body is archived, the chains with their head hashes, the problems.
 */
public final class MessageLogApi {
    private final SealMessageLog sealer;
    private final VerifyMessageLog verifier;

    public MessageLogApi(SealMessageLog sealer, VerifyMessageLog verifier) {
        this.sealer = sealer;
        this.verifier = verifier;
    }

    public void verify(Exchange exchange) {
        sealer.run();
        VerifyMessageLog.Report report = verifier.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", report.intact());
        answer.put("records", report.records());
        answer.put("unsealed", report.unsealed());
        answer.put("archived", report.archived());
        answer.put("problems", report.problems());
        List<Map<String, Object>> chains = new ArrayList<>();
        for (VerifyMessageLog.Chain chain : report.chains()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("party", chain.party());
            c.put("records", chain.records());
            c.put("headPosition", chain.headPosition());
            c.put("headHash", chain.headHash());
            chains.add(c);
        }
        answer.put("chains", chains);
        JsonAnswer.ok(exchange, answer);
    }
}
