package org.onewindow.ops;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.onewindow.schema.SchemaRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the hub is alive and whether it is ready, per component, as UP or DOWN and nothing more (the probes are
 * unauthenticated). Alive: the Camel context runs — only a restart helps when it does not, so a database or broker
 * outage never fails liveness. Ready: the broker answers a management request, the database a validity check,
 * every route meant to start has started (but for the intake routes the disk space guard paused), the schema registry
 * holds schemas, and the data directory's disk has room ({@link DiskSpaceGuard}). A failing check is logged with
 * its reason here, not shown to the caller.
 */
public final class HubHealth {
    private static final Logger LOG = LoggerFactory.getLogger(HubHealth.class);
    private static final int DATABASE_CHECK_SECONDS = 2;

    private final Map<String, BooleanSupplier> liveness = new LinkedHashMap<>();
    private final Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();

    public HubHealth(CamelContext context, BrokerQueues broker, DataSource database, SchemaRegistry schemas, DiskSpaceGuard disk) {
        liveness.put("camel", () -> context.getStatus().isStarted());
        readiness.put("broker", () -> {
            try {
                broker.version();
                return true;
            } catch (Exception e) {
                LOG.warn("Readiness: the broker does not answer: {}", e.toString());
                return false;
            }
        });
        readiness.put("database", () -> {
            try (Connection connection = database.getConnection()) {
                return connection.isValid(DATABASE_CHECK_SECONDS);
            } catch (Exception e) {
                LOG.warn("Readiness: the database does not answer: {}", e.toString());
                return false;
            }
        });
        readiness.put("routes", () -> context.getStatus().isStarted() && context.getRoutes().stream()
                .filter(route -> !Boolean.FALSE.equals(route.isAutoStartup()))
                .filter(route -> !(disk.full() && DiskSpaceGuard.PAUSED_WHEN_FULL.equals(route.getGroup())))
                .allMatch(route -> started(context, route)));
        readiness.put("schemas", () -> !schemas.all().isEmpty());
        readiness.put("disk", () -> !disk.full());
    }

    /** UP or DOWN for each liveness component. */
    public Map<String, Boolean> live() {
        return check(liveness);
    }

    /** UP or DOWN for each readiness component. */
    public Map<String, Boolean> ready() {
        return check(readiness);
    }

    private static boolean started(CamelContext context, Route route) {
        var status = context.getRouteController().getRouteStatus(route.getRouteId());
        if (status == null || !status.isStarted()) {
            LOG.warn("Readiness: route {} is {}", route.getRouteId(), status);
            return false;
        }
        return true;
    }

    private static Map<String, Boolean> check(Map<String, BooleanSupplier> checks) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        checks.forEach((component, check) -> result.put(component, check.getAsBoolean()));
        return result;
    }
}
