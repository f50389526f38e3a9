package org.onewindow.api;

import io.vertx.ext.web.RoutingContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link AuthenticateCaller} in front of every {@code /api/…} path on the HTTP server itself, ahead of
 * every Camel route: no endpoint — present or added later — can be reached unauthenticated. The check runs
 * on a worker thread (it reads the registry); the request waits, paused, until it is done.
 */
public final class GuardApi extends RouterHandlers {
    /** Runs before the routes' own handlers. */
    private static final int FIRST = -1000;

    private static final Logger LOG = LoggerFactory.getLogger(GuardApi.class);

    private final AuthenticateCaller authenticate;

    public GuardApi(AuthenticateCaller authenticate) {
        super("onewindow-authentication");
        this.authenticate = authenticate;
    }

    @Override
    protected void install(VertxPlatformHttpRouter router, String name) {
        router.route("/api/*").order(FIRST).setName(name).handler(this::guard);
        LOG.info("Every /api/ request is authenticated (client certificate or API token)");
    }

    /**
     * Pauses the request (its body must wait for the handlers behind this one), decides on a worker thread —
     * the decision reads the registry — and goes on, or answers, on the request's own thread.
     */
    private void guard(RoutingContext context) {
        context.request().pause();
        context.vertx().executeBlocking(() -> authenticate.decide(context.request()), false)
                .onComplete(decided -> {
                    if (decided.succeeded()) {
                        authenticate.apply(context, decided.result());
                    } else {
                        LOG.error("Could not authenticate a request", decided.cause());
                        context.response().setStatusCode(503).end();
                    }
                });
    }

}
