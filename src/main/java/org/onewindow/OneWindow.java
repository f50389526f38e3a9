package org.onewindow;

import java.util.Set;
import org.apache.camel.main.Main;
import org.onewindow.cli.Cli;

/**
 * Starts the hub ({@code java -jar onewindow.jar}), or runs a tester command against a running hub
 * ({@code java -jar onewindow.jar send FILE…} / {@code replay DIR}), or an offline trust command
 * ({@code sign}, {@code verify}, {@code pki}: signing and verifying messages, demo keys and certificates), or an
 * operator command against a running hub ({@code parties …}: the party registry; {@code log verify}: the
 * tamper-evident message log; {@code parked …}: list, show, replay or discard parked messages), or {@code db compact}
 * on a stopped hub's embedded database.
 */
public final class OneWindow {
    private static final Set<String> CLI_COMMANDS = Set.of("send", "replay", "sign", "verify", "pki", "parties", "log", "parked",
            "db");

    private OneWindow() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && CLI_COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        Main main = new Main();
        main.configure().addConfiguration(HubConfiguration.class);
        main.run(args);
    }
}
