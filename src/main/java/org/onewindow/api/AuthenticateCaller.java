package org.onewindow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.onewindow.message.Headers;
import org.onewindow.party.ApiTokens;
import org.onewindow.party.Certificates;
import org.onewindow.party.Party;
import org.onewindow.party.PartyCertificate;
import org.onewindow.party.PartyStore;

/**
 * Authenticates an HTTP request: by the TLS client certificate when the caller presented one that is
 * registered, valid and unrevoked, else by the party's API token ({@code Authorization: Bearer ow_…}). The
 * caller's party id and admin role become the request headers {@link Headers#PRINCIPAL} and
 * {@link Headers#PRINCIPAL_ADMIN}; every {@code OneWindow*} header the client sent is dropped first, so nobody
 * can claim an identity or a hub id. Unauthenticated requests are answered 401, non-admins calling
 * {@code /api/v1/admin/…} 403, and go no further.
 */
public final class AuthenticateCaller {
    private static final String BEARER = "Bearer ";
    private static final String ADMIN_PATH = "/api/v1/admin";
    private static final String INTERNAL_PREFIX = "onewindow";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PartyStore parties;
    private final Clock clock;

    public AuthenticateCaller(PartyStore parties, Clock clock) {
        this.parties = parties;
        this.clock = clock;
    }

    /** Who is calling: the party its certificate or token names, if any (reads the registry: blocking). */
    public Optional<Party> decide(HttpServerRequest request) {
        return byCertificate(request).or(() -> byToken(request));
    }

    /** Lets the request on with its caller named, or answers it 401 / 403. */
    public void apply(RoutingContext context, Optional<Party> caller) {
        HttpServerRequest request = context.request();
        List<String> claimed = request.headers().names().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(INTERNAL_PREFIX))
                .toList();
        claimed.forEach(request.headers()::remove);
        if (caller.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"onewindow\"");
            refuse(context, 401, "Authentication required",
                    "Present your registered TLS client certificate, or send 'Authorization: Bearer <your API token>'");
            return;
        }
        Party party = caller.get();
        if (request.path().startsWith(ADMIN_PATH) && !party.admin()) {
            refuse(context, 403, "Forbidden", "Party " + party.partyId() + " does not hold the admin role");
            return;
        }
        request.headers().set(Headers.PRINCIPAL, party.partyId());
        request.headers().set(Headers.PRINCIPAL_ADMIN, String.valueOf(party.admin()));
        context.next(); // the request stays paused: the handler that reads its body resumes it
    }

    private Optional<Party> byToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return parties.byTokenHash(ApiTokens.hash(token)).filter(Party::active);
    }

    private Optional<Party> byCertificate(HttpServerRequest request) {
        if (!request.isSSL()) {
            return Optional.empty();
        }
        List<Certificate> chain;
        try {
            chain = request.connection().peerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty(); // no client certificate: the token decides
        }
        if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate presented)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return parties.certificate(Certificates.fingerprint(presented))
                .filter(c -> !now.isBefore(c.notBefore()) && !now.isAfter(c.notAfter()) && !c.revokedAt(now))
                .map(PartyCertificate::partyId)
                .flatMap(parties::find)
                .filter(Party::active);
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                    .end(JSON.writeValueAsString(JsonAnswer.problemBody(status, title, detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
