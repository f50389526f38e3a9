package org.onewindow.as2;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.onewindow.api.Caller;
import org.onewindow.api.JsonAnswer;
import org.onewindow.party.PartyAdministration.UnknownParty;

/**
 * The admin REST API of AS2 agreements ({@code /api/v1/admin/parties/{party}/as2}, admin role only): show, set
 * (PUT, JSON {@link As2Agreements.Terms}), remove; list all under {@code /api/v1/admin/as2-agreements}. Any
 * authenticated party may read the hub's own AS2 profile ({@code GET /api/v1/as2/hub}): the name, certificate and
 * URL to configure on its side. Invalid requests answer 400 with what to fix, unknown parties 404.
 */
public final class As2AgreementApi {
    private final As2AgreementStore store;
    private final As2Agreements agreements;
    private final As2HubProfile hub;

    public As2AgreementApi(As2AgreementStore store, As2Agreements agreements, As2HubProfile hub) {
        this.store = store;
        this.agreements = agreements;
        this.hub = hub;
    }

    /** GET /api/v1/admin/as2-agreements */
    public void list(Exchange exchange) {
        JsonAnswer.ok(exchange, store.all().stream().map(As2Agreements::view).toList());
    }

    /** GET /api/v1/admin/parties/{party}/as2 */
    public void show(Exchange exchange) {
        String partyId = partyId(exchange);
        answering(exchange, () -> JsonAnswer.ok(exchange, As2Agreements.view(store.ofParty(partyId)
                .orElseThrow(() -> new UnknownParty(partyId + " AS2 agreement")))));
    }

    /** PUT /api/v1/admin/parties/{party}/as2 {as2Id, certificatePem, replyUrl, signed, encrypted, compressed, mdn} */
    public void set(Exchange exchange) {
        answering(exchange, () -> {
            Map<String, Object> body = JsonAnswer.requestBody(exchange);
            As2Agreements.Terms terms = new As2Agreements.Terms(text(body, "as2Id"), text(body, "certificatePem"),
                    text(body, "replyUrl"), flag(body, "signed"), flag(body, "encrypted"), flag(body, "compressed"), text(body, "mdn"));
            JsonAnswer.ok(exchange, As2Agreements.view(agreements.set(actor(exchange), partyId(exchange), terms)));
        });
    }

    /** DELETE /api/v1/admin/parties/{party}/as2 */
    public void remove(Exchange exchange) {
        answering(exchange, () -> {
            agreements.remove(actor(exchange), partyId(exchange));
            JsonAnswer.ok(exchange, Map.of("partyId", partyId(exchange), "removed", true));
        });
    }

    /** GET /api/v1/as2/hub: what a party configures to exchange AS2 with the hub. */
    public void hubProfile(Exchange exchange) {
        JsonAnswer.ok(exchange, hub.view());
    }

    private static void answering(Exchange exchange, Runnable action) {
        try {
            action.run();
        } catch (UnknownParty e) {
            JsonAnswer.problem(exchange, 404, "Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            JsonAnswer.problem(exchange, 400, "Invalid request", e.getMessage());
        }
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : String.valueOf(value);
    }

    private static Boolean flag(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new IllegalArgumentException(field + " must be true or false; the fields are " + List.of("as2Id", "certificatePem",
                "replyUrl", "signed", "encrypted", "compressed", "mdn"));
    }

    private static String partyId(Exchange exchange) {
        return exchange.getIn().getHeader("party", String.class);
    }

    private static String actor(Exchange exchange) {
        return Caller.of(exchange).partyId();
    }
}
