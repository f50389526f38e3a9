package org.onewindow.api;

import org.apache.camel.Exchange;
import org.onewindow.party.PartyAdministration.UnknownParty;
import org.onewindow.sftp.SshKeyRegistry;
import org.onewindow.sftp.SshKeyRegistry.NoSuchKey;

/**
 * The admin REST API of the parties' SFTP login keys ({@code /api/v1/admin/parties/{party}/ssh-keys}, admin role
 * only — enforced by {@link AuthenticateCaller}): list, add (the body is one OpenSSH public key line), remove. The
 * acting admin is recorded in the party's audit trail. A bad key answers 400 with what to fix, unknown party or key 404.
 */
public final class SshKeyAdminApi {
    private final SshKeyRegistry registry;

    public SshKeyAdminApi(SshKeyRegistry registry) {
        this.registry = registry;
    }

    /** GET …/ssh-keys */
    public void list(Exchange exchange) {
        answering(exchange, () -> JsonAnswer.ok(exchange, registry.list(partyId(exchange))));
    }

    /** POST …/ssh-keys with {@code ecdsa-sha2-nistp256 AAAA… comment} as the body. */
    public void add(Exchange exchange) {
        answering(exchange, () -> JsonAnswer.respond(exchange, 201, "application/json",
                registry.add(Caller.of(exchange).partyId(), partyId(exchange), exchange.getIn().getBody(String.class))));
    }

    /** DELETE …/ssh-keys/{keyId} */
    public void remove(Exchange exchange) {
        answering(exchange, () -> {
            registry.remove(Caller.of(exchange).partyId(), partyId(exchange), exchange.getIn().getHeader("keyId", String.class));
            exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
            exchange.getIn().setBody(null);
        });
    }

    private static void answering(Exchange exchange, Runnable action) {
        try {
            action.run();
        } catch (UnknownParty | NoSuchKey e) {
            JsonAnswer.problem(exchange, 404, "Not found", e.getMessage());
        } catch (IllegalArgumentException e) {
            JsonAnswer.problem(exchange, 400, "Invalid request", e.getMessage());
        }
    }

    private static String partyId(Exchange exchange) {
        return exchange.getIn().getHeader("party", String.class);
    }
}
