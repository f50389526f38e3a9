package org.onewindow.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.onewindow.message.Headers;
import org.onewindow.store.AgencyApplication;
import org.onewindow.store.CaseEvent;
import org.onewindow.store.CaseStore;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;
import org.onewindow.store.TradeCase;

/**
 * The read side of the REST API: a message's processing record, a declaration's case with its
 * per-agency states and history (the WF301 / GB309 view), and the pull mailbox with acknowledgement.
 * Answers are JSON; unknown ids answer 404 with a problem body.
 */
public final class QueryApi {
    private static final int PULL_BATCH = 100;

    private final MessageStore messages;
    private final CaseStore cases;
    private final DeliveryStore deliveries;

    public QueryApi(MessageStore messages, CaseStore cases, DeliveryStore deliveries) {
        this.messages = messages;
        this.cases = cases;
        this.deliveries = deliveries;
    }

    /** GET /api/v1/messages/{hubId}: the message, what became of it, and what the hub sent because of it. */
    public void message(Exchange exchange) {
        String hubId = exchange.getIn().getHeader("hubId", String.class);
        Caller caller = Caller.of(exchange);
        Optional<StoredMessage> found = messages.find(hubId).filter(m -> caller.mayRead(m.sender(), m.recipient()));
        if (found.isEmpty()) {
            notFound(exchange, "No message " + hubId);
            return;
        }
        Map<String, Object> record = describe(found.get());
        List<Map<String, Object>> replies = new ArrayList<>();
        for (StoredMessage reply : messages.causedBy(hubId)) {
            if (caller.mayRead(reply.recipient())) {
                replies.add(describe(reply));
            }
        }
        record.put("replies", replies);
        ok(exchange, record);
    }

    /**
     * GET /api/v1/declarations/{id}: the case by declaration number or case id. The route of
     * GET /api/v1/test/declarations/{id} sets {@link Headers#TEST}: connection-test cases are shown there, and only there.
     */
    public void declaration(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        boolean test = Boolean.TRUE.equals(exchange.getIn().getHeader(Headers.TEST, Boolean.class));
        Caller caller = Caller.of(exchange);
        Optional<TradeCase> found = cases.byDeclarationNo(id, test).or(() -> cases.byId(id).filter(c -> c.test() == test))
                .filter(c -> caller.mayRead(c.submitter(), c.importer()) || involvesAgency(c, caller));
        if (found.isEmpty()) {
            notFound(exchange, "No declaration or case " + id);
            return;
        }
        TradeCase c = found.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("caseId", c.caseId());
        view.put("declarationNo", c.declarationNo());
        view.put("kind", c.kind());
        view.put("test", c.test());
        view.put("submitter", c.submitter());
        view.put("importer", c.importer());
        view.put("channel", c.channel());
        view.put("state", c.state());
        view.put("mergedAcknowledgement", c.mergedAck());
        view.put("customsSelection", c.customsSelection());
        view.put("createdAt", String.valueOf(c.createdAt()));
        view.put("updatedAt", String.valueOf(c.updatedAt()));
        List<Map<String, Object>> agencies = new ArrayList<>();
        for (AgencyApplication a : cases.applications(c.caseId())) {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("agency", a.agency());
            app.put("messageType", a.messageType());
            app.put("applicationRef", a.applicationRef());
            app.put("items", a.itemNumbers());
            app.put("state", a.state());
            app.put("firstVerdict", a.firstVerdict());
            app.put("updatedAt", String.valueOf(a.updatedAt()));
            agencies.add(app);
        }
        view.put("agencies", agencies);
        List<Map<String, Object>> history = new ArrayList<>();
        for (CaseEvent e : cases.events(c.caseId())) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", String.valueOf(e.occurredAt()));
            event.put("agency", e.agency());
            event.put("from", e.fromState());
            event.put("to", e.toState());
            event.put("hubId", e.hubId());
            history.add(event);
        }
        view.put("history", history);
        List<Map<String, Object>> all = new ArrayList<>();
        for (StoredMessage m : messages.ofCase(c.caseId())) {
            all.add(describe(m));
        }
        view.put("messages", all);
        ok(exchange, view);
    }

    /** GET /api/v1/parties/{party}/messages: unacknowledged outbound messages, oldest first. */
    public void pending(Exchange exchange) {
        String party = exchange.getIn().getHeader("party", String.class);
        if (!Caller.of(exchange).mayRead(party)) {
            notFound(exchange, "No mailbox " + party + " for you: a party reads only its own");
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (DeliveryStore.Pending p : deliveries.pending(party, PULL_BATCH)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("hubId", p.hubId());
            item.put("messageType", p.messageType());
            item.put("caseId", p.caseId());
            item.put("causedBy", p.causedBy());
            item.put("createdAt", String.valueOf(p.createdAt()));
            item.put("body", new String(p.body(), StandardCharsets.UTF_8));
            list.add(item);
        }
        ok(exchange, list);
    }

    /** POST /api/v1/parties/{party}/messages/{hubId}/ack: 204, or 404 when nothing was waiting. */
    public void acknowledge(Exchange exchange) {
        String party = exchange.getIn().getHeader("party", String.class);
        String hubId = exchange.getIn().getHeader("hubId", String.class);
        if (!Caller.of(exchange).partyId().equals(party) || !deliveries.acknowledge(party, hubId)) {
            notFound(exchange, "Party " + party + " has no unacknowledged message " + hubId);
            return;
        }
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        exchange.getIn().setBody(null);
    }

    private boolean involvesAgency(TradeCase c, Caller caller) {
        return cases.applications(c.caseId()).stream().anyMatch(a -> a.agency().equals(caller.partyId()));
    }

    private static Map<String, Object> describe(StoredMessage m) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("hubId", m.hubId());
        record.put("direction", m.direction());
        record.put("channel", m.channel());
        record.put("sender", m.sender());
        record.put("recipient", m.recipient());
        record.put("messageType", m.messageType());
        record.put("version", m.typeVersion());
        record.put("syntax", m.syntax());
        record.put("messageRef", m.messageRef());
        record.put("functionCode", m.functionCode());
        record.put("declarationNo", m.declarationNo());
        record.put("caseId", m.caseId());
        record.put("causedBy", m.causedBy());
        record.put("status", m.status());
        record.put("errorCode", m.errorCode());
        record.put("errorText", m.errorText());
        record.put("sizeBytes", m.sizeBytes());
        record.put("receivedAt", String.valueOf(m.receivedAt()));
        return record;
    }

    private static void ok(Exchange exchange, Object body) {
        JsonAnswer.ok(exchange, body);
    }

    private static void notFound(Exchange exchange, String detail) {
        JsonAnswer.problem(exchange, 404, "Not found", detail);
    }
}
