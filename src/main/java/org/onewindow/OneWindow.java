package org.onewindow;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.main.Main;
import org.onewindow.cli.Cli;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the hub ({@code java -jar onewindow.jar}), or runs a tester command against a running hub
 * ({@code java -jar onewindow.jar send FILE…} / {@code replay DIR}), or an offline trust command
 * ({@code sign}, {@code verify}, {@code pki}: signing and verifying messages, demo keys and certificates), or an
 * operator command against a running hub ({@code parties …}: the party registry; {@code log verify}: the
 * tamper-evident message log; {@code parked …}: list, show, replay or discard parked messages), or {@code db compact}
 * on a stopped hub's embedded database. A hub that cannot start (a bad setting, a port in use, an unreachable database)
 * logs why and exits with status 1.
 */
public final class OneWindow {
    private static final Set<String> CLI_COMMANDS = Set.of("send", "replay", "sign", "verify", "pki", "parties", "log", "parked",
            "db");

    private static final Logger LOG = LoggerFactory.getLogger(OneWindow.class);

    private OneWindow() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && CLI_COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        AtomicBoolean started = new AtomicBoolean();
        Main main = new Main() {
            @Override
            protected void afterStart() throws Exception {
                super.afterStart();
                started.set(true);
            }
        };
        main.configure().addConfiguration(HubConfiguration.class);
        try {
            main.run(args);
        } catch (Exception e) {
            LOG.error("The hub could not start: {}", e.getMessage(), e);
        }
        if (!started.get()) {
            // what the failed start had already started (the embedded broker's threads) would keep the JVM alive,
            // so an operator's service manager would see a hub running that serves nothing
            System.exit(1);
        }
    }
}
