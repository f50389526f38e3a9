package org.onewindow.api;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Handlers put straight on the hub's Vert.x router (not Camel routes), once, as soon as the router exists: on
 * context start, and again when the HTTP server comes up later. The first handler carries {@code name}, which marks
 * the router as done.
 */
public abstract class RouterHandlers implements StartupListener {
    private final String name;

    protected RouterHandlers(String name) {
        this.name = name;
    }

    @Override
    public final void onCamelContextStarting(CamelContext context, boolean alreadyStarted) {
        installOnce(context);
    }

    @Override
    public final void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        installOnce(context);
    }

    private synchronized void installOnce(CamelContext context) {
        for (VertxPlatformHttpRouter router : context.getRegistry().findByType(VertxPlatformHttpRouter.class)) {
            if (router.getRoutes().stream().noneMatch(r -> name.equals(r.getName()))) {
                install(router, name);
            }
        }
    }

    /** Adds the handlers to {@code router}; the first one named {@code name}. */
    protected abstract void install(VertxPlatformHttpRouter router, String name);
}
