package org.onewindow.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.onewindow.api.RouterHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the operator's probes on the hub's HTTP port, outside {@code /api/} and so without authentication, for
 * load balancers, orchestrators and Prometheus: {@code GET /observe/health/live}, {@code GET /observe/health/ready}
 * (200 when every component is UP, 503 naming the one that is DOWN; nothing but UP/DOWN per component) and
 * {@code GET /observe/metrics} (Prometheus text format). The work runs on a worker thread, never on the event loop.
 */
public final class ObserveEndpoints extends RouterHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ObserveEndpoints.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HubHealth health;
    private final PrometheusMeterRegistry registry;
    private final QueueGauges queues;

    public ObserveEndpoints(HubHealth health, PrometheusMeterRegistry registry, QueueGauges queues) {
        super("onewindow-observe");
        this.health = health;
        this.registry = registry;
        this.queues = queues;
    }

    @Override
    protected void install(VertxPlatformHttpRouter router, String name) {
        router.get("/observe/health/live").setName(name).handler(rc -> answer(rc, () -> status(health.live())));
        router.get("/observe/health/ready").handler(rc -> answer(rc, () -> status(health.ready())));
        router.get("/observe/metrics").handler(rc -> answer(rc, this::metrics));
        LOG.info("Health at /observe/health/live and /observe/health/ready, metrics at /observe/metrics");
    }

    /** An answer: status, content type, body. */
    record Answer(int status, String contentType, String body) {
    }

    private static void answer(RoutingContext context, Supplier<Answer> work) {
        context.vertx().executeBlocking(work::get, false).onComplete(done -> {
            if (done.succeeded()) {
                Answer a = done.result();
                context.response().setStatusCode(a.status()).putHeader("Content-Type", a.contentType()).end(a.body());
            } else {
                LOG.error("Could not answer {}", context.request().path(), done.cause());
                context.response().setStatusCode(500).end();
            }
        });
    }

    /** {"status":"DOWN","components":{"broker":"DOWN","database":"UP",…}} with 503 when one is down. */
    static Answer status(Map<String, Boolean> components) {
        boolean up = components.values().stream().allMatch(Boolean::booleanValue);
        StringJoiner each = new StringJoiner(",", "{", "}");
        components.forEach((name, ok) -> each.add("\"" + name + "\":\"" + (ok ? "UP" : "DOWN") + "\""));
        return new Answer(up ? 200 : 503, "application/json",
                "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"components\":" + each + "}");
    }

    private Answer metrics() {
        queues.refresh();
        return new Answer(200, PROMETHEUS_TEXT, registry.scrape());
    }
}
