package org.onewindow.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.onewindow.admit.CheckDeclarationNumber;

/**
 * The body of WJA01 / WJA02 ({@code POST /api/v1/delegations}), read and checked for form: {@code broker}
 * always; {@code scope} DECLARATION with a 14-character {@code declarationNo}, or LONG_TERM with
 * {@code validUntil} and optionally {@code validFrom} (ISO dates, default today). Each fault is a 400 naming
 * the field and what it must hold.
 */
record GrantRequest(String broker, Delegation.Scope scope, String declarationNo, LocalDate validFrom, LocalDate validUntil) {
    static GrantRequest from(JsonNode body) {
        String broker = text(body, "broker");
        if (broker == null) {
            throw DelegationProblem.badRequest("Name the broker's party id in 'broker'");
        }
        String scope = text(body, "scope");
        if (!"DECLARATION".equals(scope) && !"LONG_TERM".equals(scope)) {
            throw DelegationProblem.badRequest("'scope' must be DECLARATION (WJA01, one declaration) or LONG_TERM (WJA02)");
        }
        if ("DECLARATION".equals(scope)) {
            String declarationNo = body.path("declarationNo").isTextual() ? body.get("declarationNo").asText() : null;
            if (!CheckDeclarationNumber.wellFormed(declarationNo)) {
                throw DelegationProblem.badRequest("'declarationNo' must be the 14-character declaration number, e.g. "
                        + "\"AA  14K7300103\" (office, transfer office or two blanks, ROC year, broker box, serial)");
            }
            if (body.has("validFrom") || body.has("validUntil")) {
                throw DelegationProblem.badRequest("validFrom and validUntil belong to LONG_TERM delegations; "
                        + "a DECLARATION delegation lasts as long as its declaration");
            }
            return new GrantRequest(broker, Delegation.Scope.DECLARATION, declarationNo, null, null);
        }
        if (body.has("declarationNo")) {
            throw DelegationProblem.badRequest("A LONG_TERM delegation covers every declaration; leave out 'declarationNo'");
        }
        LocalDate until = date(body, "validUntil");
        if (until == null) {
            throw DelegationProblem.badRequest("A LONG_TERM delegation needs 'validUntil', its last day (yyyy-mm-dd)");
        }
        return new GrantRequest(broker, Delegation.Scope.LONG_TERM, null, date(body, "validFrom"), until);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }

    private static LocalDate date(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DelegationProblem.badRequest("'" + field + "' must be a date like 2027-06-30, not '" + value + "'");
        }
    }
}
