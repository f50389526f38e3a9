package org.onewindow.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tester command line: {@code send [options] FILE…} or {@code replay [options] DIR}, options
 * {@code --hub URL} (default {@value #DEFAULT_HUB}), {@code --sender PARTY} (optional: whose mailbox to follow;
 * by default the sender the hub names in its answer, the party of the caller's token and key), {@code --wait SECONDS} (default 30: how long to keep polling for
 * replies after the last new one). Options may come anywhere after the command, also as
 * {@code --name=value}.
 */
record CliOptions(String command, List<Path> paths, URI hub, String sender, Duration quiet) {
    static final String DEFAULT_HUB = "http://localhost:8080";
    static final String USAGE = "usage: send [--hub URL] [--sender PARTY] [--wait SECONDS] FILE… | replay [--hub URL] [--sender PARTY] [--wait SECONDS] DIR";

    /** Thrown for a command line that cannot be run; the message is one line for the user. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    static CliOptions parse(String[] args) throws Invalid {
        if (args.length == 0 || !(args[0].equals("send") || args[0].equals("replay"))) {
            throw new Invalid("expected the command send or replay");
        }
        String hub = DEFAULT_HUB;
        String sender = null;
        String wait = "30";
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                paths.add(Path.of(arg));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new Invalid(name + " needs a value");
            }
            switch (name) {
                case "--hub" -> hub = value;
                case "--sender" -> sender = value.isBlank() ? null : value.strip();
                case "--wait" -> wait = value;
                default -> throw new Invalid("unknown option " + name);
            }
        }
        String command = args[0];
        if (paths.isEmpty()) {
            throw new Invalid(command.equals("send") ? "name at least one FILE to send" : "name the DIR to replay");
        }
        if (command.equals("replay") && paths.size() > 1) {
            throw new Invalid("replay takes one DIR");
        }
        return new CliOptions(command, List.copyOf(paths), hubUri(hub), sender, seconds(wait));
    }

    private static URI hubUri(String hub) throws Invalid {
        try {
            URI uri = URI.create(hub.endsWith("/") ? hub.substring(0, hub.length() - 1) : hub);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new Invalid("--hub must be an http(s) URL such as " + DEFAULT_HUB + ", not " + hub);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new Invalid("--hub must be an http(s) URL such as " + DEFAULT_HUB + ", not " + hub);
        }
    }

    private static Duration seconds(String value) throws Invalid {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            throw new Invalid("--wait takes a number of seconds, not " + value);
        }
    }
}
