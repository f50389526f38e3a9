package org.onewindow.delegation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.onewindow.api.JsonAnswer;
import org.onewindow.message.Headers;

/**
 * The delegation REST operations as JSON over HTTP, acting as the authenticated caller
 * ({@link Headers#PRINCIPAL}): WJA01/WJA02 grant, WJA03 answer, WJA04/WJA05 list, show one, revoke. Refusals are
 * {@code application/problem+json} with the status and a detail saying what to fix: 400 bad request, 401 no
 * authenticated caller, 403 the wrong side of the delegation, 404 not found (or not the caller's), 409 already
 * answered or revoked.
 */
public final class DelegationApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Delegations delegations;

    public DelegationApi(Delegations delegations) {
        this.delegations = delegations;
    }

    /** POST /api/v1/delegations: WJA01 (scope DECLARATION) or WJA02 (scope LONG_TERM); 201 with the delegation. */
    public void grant(Exchange exchange) {
        handle(exchange, 201, party -> view(delegations.grant(party, GrantRequest.from(body(exchange)))));
    }

    /** POST /api/v1/delegations/{id}/answer {@code {"accept": true|false, "note": "…"}}: WJA03. */
    public void answer(Exchange exchange) {
        handle(exchange, 200, party -> {
            JsonNode body = body(exchange);
            if (!body.path("accept").isBoolean()) {
                throw DelegationProblem.badRequest("Answer with {\"accept\": true} or {\"accept\": false, \"note\": \"why\"}");
            }
            String note = body.path("note").isTextual() ? body.get("note").asText() : null;
            if (note != null && note.length() > 500) {
                throw DelegationProblem.badRequest("'note' may hold at most 500 characters");
            }
            return view(delegations.answer(party, id(exchange), body.get("accept").asBoolean(), note));
        });
    }

    /** GET /api/v1/delegations?as=importer (WJA04) or ?as=broker (WJA05). */
    public void list(Exchange exchange) {
        handle(exchange, 200, party -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Delegation d : delegations.list(party, exchange.getIn().getHeader("as", String.class))) {
                list.add(view(d));
            }
            return list;
        });
    }

    /** GET /api/v1/delegations/{id}. */
    public void show(Exchange exchange) {
        handle(exchange, 200, party -> view(delegations.visible(party, id(exchange))));
    }

    /** DELETE /api/v1/delegations/{id}: the importer revokes. */
    public void revoke(Exchange exchange) {
        handle(exchange, 200, party -> view(delegations.revoke(party, id(exchange))));
    }

    @FunctionalInterface
    private interface Operation {
        Object run(String party);
    }

    private static void handle(Exchange exchange, int status, Operation operation) {
        String party = exchange.getIn().getHeader(Headers.PRINCIPAL, String.class);
        if (party == null || party.isBlank()) {
            problem(exchange, 401, "The caller is not authenticated: no party in " + Headers.PRINCIPAL);
            return;
        }
        try {
            JsonAnswer.respond(exchange, status, "application/json", operation.run(party.strip()));
        } catch (DelegationProblem p) {
            problem(exchange, p.status(), p.getMessage());
        }
    }

    private static String id(Exchange exchange) {
        return exchange.getIn().getHeader("id", String.class);
    }

    private static JsonNode body(Exchange exchange) {
        String text = exchange.getIn().getBody(String.class);
        try {
            JsonNode body = text == null || text.isBlank() ? null : JSON.readTree(text);
            if (body == null || !body.isObject()) {
                throw DelegationProblem.badRequest("Send a JSON object as the request body");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw DelegationProblem.badRequest("The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> view(Delegation d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("importer", d.importer());
        v.put("broker", d.broker());
        v.put("scope", d.scope().name());
        v.put("declarationNo", d.declarationNo());
        v.put("validFrom", d.validFrom() == null ? null : d.validFrom().toString());
        v.put("validUntil", d.validUntil() == null ? null : d.validUntil().toString());
        v.put("state", d.state().name());
        v.put("note", d.note());
        v.put("createdAt", String.valueOf(d.createdAt()));
        v.put("answeredAt", d.answeredAt() == null ? null : d.answeredAt().toString());
        v.put("revokedAt", d.revokedAt() == null ? null : d.revokedAt().toString());
        return v;
    }

    private static void problem(Exchange exchange, int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            default -> "Conflict";
        });
        problem.put("status", status);
        problem.put("detail", detail);
        JsonAnswer.respond(exchange, status, "application/problem+json", problem);
    }
}
