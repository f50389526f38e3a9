package org.onewindow.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.RouteController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops taking new messages before the data directory's disk fills up, so that what the hub has accepted can still
 * be finished and nothing is lost: the embedded database and broker journal live there, and an accepted declaration
 * writes about 150 KB more on its way through (agency messages, replies, the merged acknowledgement).
 * <p>
 * Every {@code onewindow.disk.check-ms} it reads the free space of the data directory's file system. Below
 * {@code onewindow.disk.min-free} the hub is full: the channels that answer at once (HTTP, SOAP, AS2, uploads to the
 * hub's SFTP server) refuse new messages with S902 without storing them, the routes that fetch messages (route group {@value #PAUSED_WHEN_FULL}:
 * JMS intake, the SFTP inbox sweep, remote SFTP mailboxes) are stopped so that their messages wait where they are,
 * and readiness reports the disk DOWN. Agency replies and outbound delivery go on. Once the free space is back
 * above min-free plus {@value #RESUME_MARGIN_MB} MB (so that the state does not flap at the limit), intake resumes.
 * A min-free of 0 turns the guard off.
 */
public final class DiskSpaceGuard implements StartupListener {
    /** The route group of the intake routes that fetch messages; the guard stops them while the disk is full. */
    public static final String PAUSED_WHEN_FULL = "pausedWhenDiskFull";
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceGuard.class);
    private static final long RESUME_MARGIN_MB = 64;
    private static final long MB = 1L << 20;
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Path dataDir;
    private final long minFree;
    private final long checkMs;
    private volatile boolean full;
    private volatile long freeBytes = -1;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private CamelContext context;

    public DiskSpaceGuard(Path dataDir, long minFree, long checkMs) {
        this.dataDir = dataDir;
        this.minFree = minFree;
        this.checkMs = checkMs;
    }

    /** True while the free space is below the limit: new messages are not taken. */
    public boolean full() {
        return full;
    }

    /** The free space of the data directory's file system at the last check; -1 before the first or with the guard off. */
    public long freeBytes() {
        return freeBytes;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes it stops run only once the context has fully started
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws IOException {
        if (minFree <= 0) {
            LOG.warn("The disk space guard is off (onewindow.disk.min-free=0): a full disk fails the hub's writes");
            return;
        }
        this.context = context;
        Files.createDirectories(dataDir);
        check();
        ScheduledExecutorService timer = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "DiskSpaceGuard");
        timer.scheduleWithFixedDelay(this::check, checkMs, checkMs, TimeUnit.MILLISECONDS);
        LOG.info("Disk space guard: intake stops below {} MB free in {}, now {} MB free", minFree / MB,
                dataDir.toAbsolutePath(), freeBytes / MB);
    }

    /** Reads the free space and pauses or resumes intake when it crosses the limits. */
    void check() {
        long free;
        try {
            free = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the free space of {}: {}", dataDir, e.toString());
            return;
        }
        freeBytes = free;
        if (free < minFree) {
            // every time, and first: a route added since (a remote mailbox) is paused as well, and once full() says
            // so, no route is still taking messages
            pauseIntake();
            if (!full) {
                full = true;
                LOG.warn("The disk of {} has {} MB free, under onewindow.disk.min-free ({} MB): new messages are refused "
                        + "(S902) or left waiting until space is freed; accepted ones are still processed",
                        dataDir.toAbsolutePath(), free / MB, minFree / MB);
            }
        } else if (full && free >= minFree + RESUME_MARGIN_MB * MB) {
            full = false;
            resumeIntake();
            LOG.info("The disk of {} has {} MB free again: intake resumed", dataDir.toAbsolutePath(), free / MB);
        }
    }

    /**
     * Stops the started intake routes of group {@value #PAUSED_WHEN_FULL}. Stopped, not suspended: a suspended JMS
     * route keeps its consumer open, and the broker would go on filling that consumer's buffer with messages that
     * another node with room could take.
     */
    private void pauseIntake() {
        RouteController routes = context.getRouteController();
        for (Route route : context.getRoutes()) {
            String id = route.getRouteId();
            ServiceStatus status = routes.getRouteStatus(id);
            if (PAUSED_WHEN_FULL.equals(route.getGroup()) && status != null && status.isStarted()) {
                try {
                    routes.stopRoute(id, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    paused.add(id);
                    LOG.info("Intake route {} paused", id);
                } catch (Exception e) {
                    LOG.warn("Could not pause intake route {}: {}", id, e.toString());
                }
            }
        }
    }

    /** Starts again the routes {@link #pauseIntake} stopped, and only those. */
    private void resumeIntake() {
        for (String id : List.copyOf(paused)) {
            try {
                context.getRouteController().startRoute(id);
                paused.remove(id);
                LOG.info("Intake route {} resumed", id);
            } catch (Exception e) {
                LOG.warn("Could not resume intake route {}: {}", id, e.toString());
            }
        }
    }
}
