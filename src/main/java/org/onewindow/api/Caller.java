package org.onewindow.api;

import org.apache.camel.Exchange;
import org.onewindow.message.Headers;

/**
 * The authenticated caller of an API request, as {@link AuthenticateCaller} left it on the exchange: its party
 * id and whether it holds the admin role. Every read is scoped to it: a party sees only its own data.
 */
public record Caller(String partyId, boolean admin) {

    public static Caller of(Exchange exchange) {
        String party = exchange.getIn().getHeader(Headers.PRINCIPAL, String.class);
        if (party == null) {
            throw new IllegalStateException("The request reached the API without authentication");
        }
        return new Caller(party, Boolean.TRUE.equals(exchange.getIn().getHeader(Headers.PRINCIPAL_ADMIN, Boolean.class)));
    }

    /** True when the caller may see data belonging to any of the given parties. */
    public boolean mayRead(String... owners) {
        if (admin) {
            return true;
        }
        for (String owner : owners) {
            if (partyId.equals(owner)) {
                return true;
            }
        }
        return false;
    }
}
