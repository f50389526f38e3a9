package org.onewindow.api;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.onewindow.party.Certificates;
import org.onewindow.party.Party;
import org.onewindow.party.PartyAdministration;
import org.onewindow.party.PartyAdministration.Details;
import org.onewindow.party.PartyAdministration.UnknownParty;
import org.onewindow.party.PartyCertificate;
import org.onewindow.party.PartyKind;
import org.onewindow.party.PartyStore;

/**
 * The admin REST API of the party registry ({@code /api/v1/admin/parties…}, admin role only — enforced by
 * {@link AuthenticateCaller}): list, register, show (with certificates and audit trail), change, add and
 * revoke certificates, issue an API token. The acting admin is recorded in the audit of every change.
 * Invalid requests answer 400 with what to fix, unknown parties 404.
 */
public final class PartyAdminApi {
    private final PartyStore parties;
    private final PartyAdministration administration;

    public PartyAdminApi(PartyStore parties, PartyAdministration administration) {
        this.parties = parties;
        this.administration = administration;
    }

    /** GET /api/v1/admin/parties */
    public void list(Exchange exchange) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Party p : parties.all()) {
            all.add(PartyAdministration.view(p));
        }
        JsonAnswer.ok(exchange, all);
    }

    /** GET /api/v1/admin/parties/{party}: the party, its certificates and its audit trail. */
    public void show(Exchange exchange) {
        String partyId = partyId(exchange);
        answering(exchange, () -> {
            Party party = parties.find(partyId).orElseThrow(() -> new UnknownParty(partyId));
            Map<String, Object> view = PartyAdministration.view(party);
            List<Map<String, Object>> certificates = new ArrayList<>();
            for (PartyCertificate c : parties.certificates(partyId)) {
                certificates.add(PartyAdministration.certificateView(c));
            }
            view.put("certificates", certificates);
            List<Map<String, Object>> audit = new ArrayList<>();
            for (PartyStore.AuditEntry e : parties.auditTrail(partyId)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("at", String.valueOf(e.at()));
                entry.put("actor", e.actor());
                entry.put("action", e.action());
                entry.put("before", e.before());
                entry.put("after", e.after());
                audit.add(entry);
            }
            view.put("audit", audit);
            JsonAnswer.ok(exchange, view);
        });
    }

    /** POST /api/v1/admin/parties {partyId, kind, name, boxId, email, replyChannel, admin} */
    public void register(Exchange exchange) {
        answering(exchange, () -> {
            Map<String, Object> body = JsonAnswer.requestBody(exchange);
            PartyKind kind = kind(text(body, "kind"));
            Party party = administration.register(actor(exchange), text(body, "partyId"), kind, details(body));
            JsonAnswer.respond(exchange, 201, "application/json", PartyAdministration.view(party));
        });
    }

    /** PUT /api/v1/admin/parties/{party}: changes the fields given. */
    public void change(Exchange exchange) {
        answering(exchange, () -> {
            Party party = administration.change(actor(exchange), partyId(exchange), details(JsonAnswer.requestBody(exchange)));
            JsonAnswer.ok(exchange, PartyAdministration.view(party));
        });
    }

    /** POST /api/v1/admin/parties/{party}/certificates with a PEM certificate as the body. */
    public void addCertificate(Exchange exchange) {
        answering(exchange, () -> {
            String pem = exchange.getIn().getBody(String.class);
            X509Certificate certificate = Certificates.fromPem(pem == null ? "" : pem);
            PartyCertificate added = administration.addCertificate(actor(exchange), partyId(exchange), certificate);
            JsonAnswer.respond(exchange, 201, "application/json", PartyAdministration.certificateView(added));
        });
    }

    /** POST /api/v1/admin/parties/{party}/certificates/{fingerprint}/revoke {note} */
    public void revokeCertificate(Exchange exchange) {
        answering(exchange, () -> {
            String fingerprint = exchange.getIn().getHeader("fingerprint", String.class);
            String note = text(JsonAnswer.requestBody(exchange), "note");
            PartyCertificate revoked = administration.revokeCertificate(actor(exchange), partyId(exchange), fingerprint, note);
            JsonAnswer.ok(exchange, PartyAdministration.certificateView(revoked));
        });
    }

    /** POST /api/v1/admin/parties/{party}/token: a new API token, shown this once. */
    public void issueToken(Exchange exchange) {
        answering(exchange, () -> {
            String partyId = partyId(exchange);
            String token = administration.issueToken(actor(exchange), partyId);
            JsonAnswer.respond(exchange, 201, "application/json", Map.of("partyId", partyId, "token", token));
        });
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

    private static Details details(Map<String, Object> body) {
        return new Details(text(body, "name"), text(body, "boxId"), text(body, "email"), text(body, "replyChannel"),
                flag(body, "admin"), flag(body, "active"));
    }

    private static PartyKind kind(String kind) {
        try {
            return kind == null ? null : PartyKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of " + List.of(PartyKind.values()));
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
        throw new IllegalArgumentException(field + " must be true or false");
    }

    private static String partyId(Exchange exchange) {
        return exchange.getIn().getHeader("party", String.class);
    }

    private static String actor(Exchange exchange) {
        return Caller.of(exchange).partyId();
    }
}
