package org.onewindow.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers a test starts, taken below the kernel's ephemeral range.
 *
 * <p>A port the kernel handed out for binding port 0 lies in the range it also uses for outgoing connections. A test
 * that stops a server and starts it again on the same port (a party that is down, then back) can then find the port
 * taken by one of its own connections in between, and the server fails to bind. Below the range nothing but an
 * explicit bind takes a port; each one is handed out once per test JVM and checked free when it is.
 */
public final class FreePorts {
    private static final int LOWEST = 15_000;
    private static final int BELOW = ephemeralRangeStart();
    private static final AtomicInteger NEXT = new AtomicInteger(LOWEST + ThreadLocalRandom.current().nextInt((BELOW - LOWEST) / 2));

    private FreePorts() {
    }

    /** A port no server holds now, outside the ephemeral range, not handed out before in this JVM. */
    public static int next() {
        for (int tries = 0; tries < BELOW - LOWEST; tries++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement() - LOWEST, BELOW - LOWEST);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + BELOW);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(LOWEST + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
