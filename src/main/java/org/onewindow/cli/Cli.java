package org.onewindow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tester commands, run against a hub that is already up:
 * <ul>
 *   <li>{@code send [--hub URL] [--sender PARTY] [--wait SECONDS] FILE…} posts each file to
 *       {@code POST /api/v1/messages} and prints the hub id it got, then polls the sender's pull mailbox
 *       (the party given with {@code --sender}, else the one the hub named in its 202 answer), printing
 *       each reply on one line ({@code NX5106 Y …}, {@code NX903 W004 …}) and acknowledging it, until
 *       {@code --wait} seconds (default 30) pass without a new reply;</li>
 *   <li>{@code replay DIR} does the same for every {@code *.xml} under DIR, in path name order.</li>
 * </ul>
 * Exit code 0 when every post was accepted and the mailbox could be read, 1 when one failed, 2 for a
 * command line that cannot be run. Errors are printed as one line on standard error.
 */
public final class Cli {
    /** How often the mailbox is read while waiting for replies. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(300);

    private final CliOptions options;
    private final HubClient hub;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Path> sentFiles = new HashMap<>();

    private Cli(CliOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.hub = new HubClient(options.hub());
        this.out = out;
        this.err = err;
    }

    /** Runs {@code send …} or {@code replay …} (args[0] is the command) and returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && TrustCommands.NAMES.contains(args[0])) {
            return TrustCommands.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("parties")) {
            return PartiesCommand.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("log")) {
            return VerifyLogCommand.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("parked")) {
            return ParkedCommand.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("db")) {
            return DatabaseCommand.run(args, out, err);
        }
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliOptions.Invalid e) {
            err.println("onewindow: " + e.getMessage());
            err.println(CliOptions.USAGE);
            return 2;
        }
        List<Path> files;
        try {
            files = options.command().equals("replay") ? xmlFilesUnder(options.paths().get(0)) : options.paths();
        } catch (IOException e) {
            err.println("onewindow: cannot list " + options.paths().get(0) + ": " + reason(e));
            return 1;
        }
        if (files.isEmpty()) {
            err.println("onewindow: no *.xml files under " + options.paths().get(0));
            return 1;
        }
        return new Cli(options, out, err).sendAll(files);
    }

    private int sendAll(List<Path> files) {
        boolean failed = false;
        Set<String> parties = new LinkedHashSet<>();
        for (Path file : files) {
            byte[] xml;
            try {
                xml = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("onewindow: cannot read " + file + ": " + reason(e));
                failed = true;
                continue;
            }
            try {
                HubClient.Posted posted = hub.post(xml, options.sender());
                sentFiles.put(posted.hubId(), file);
                String party = options.sender() != null ? options.sender()
                        : posted.sender() != null ? posted.sender() : awaitSender(posted.hubId());
                out.println("sent " + file + "  hub id " + posted.hubId() + (party != null ? "  sender " + party : ""));
                if (party != null) {
                    parties.add(party);
                } else {
                    err.println("onewindow: the hub named no sender for " + file + "; give --sender to collect its replies");
                }
            } catch (HubClient.Failure e) {
                err.println("onewindow: " + file + " not accepted: " + e.getMessage());
                failed = true;
            }
        }
        if (!parties.isEmpty() && !collectReplies(parties)) {
            failed = true;
        }
        return failed ? 1 : 0;
    }

    /**
     * Without a sender header the hub names the sender (the importer's business id) when it admits the
     * message; this asks the message's processing record until it does, for at most --wait.
     */
    private String awaitSender(String hubId) throws HubClient.Failure {
        long deadline = System.nanoTime() + options.quiet().toNanos();
        while (System.nanoTime() < deadline) {
            String sender = hub.senderOf(hubId);
            if (sender != null) {
                return sender;
            }
            if (!pause()) {
                return null;
            }
        }
        return null;
    }

    /** Prints and acknowledges replies until the mailboxes stay quiet for --wait; false when a mailbox could not be read. */
    private boolean collectReplies(Set<String> parties) {
        Set<String> seen = new HashSet<>();
        long waitNanos = options.quiet().toNanos();
        long lastNew = System.nanoTime();
        while (true) {
            for (String party : parties) {
                List<HubClient.Outbound> messages;
                try {
                    messages = hub.mailbox(party);
                } catch (HubClient.Failure e) {
                    err.println("onewindow: reading the replies for " + party + " failed: " + e.getMessage());
                    return false;
                }
                for (HubClient.Outbound message : messages) {
                    if (message.hubId() == null || !seen.add(message.hubId())) {
                        continue;
                    }
                    out.println("  " + line(message));
                    lastNew = System.nanoTime();
                    try {
                        hub.ack(party, message.hubId());
                    } catch (HubClient.Failure e) {
                        err.println("onewindow: acknowledging " + message.hubId() + " failed: " + e.getMessage());
                    }
                }
            }
            long left = waitNanos - (System.nanoTime() - lastNew);
            if (left <= 0) {
                return true;
            }
            if (!pause()) {
                return true;
            }
        }
    }

    /** Waits one poll interval (this client polls a server); false when interrupted. */
    private static boolean pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code NX5106 Y Accepted: customs, CD  case 42  for food-liquor.xml}. */
    private String line(HubClient.Outbound message) {
        StringBuilder line = new StringBuilder(ReplySummary.of(message.messageType(), message.body()));
        if (message.caseId() != null) {
            line.append("  case ").append(message.caseId());
        }
        Path cause = message.causedBy() == null ? null : sentFiles.get(message.causedBy());
        if (cause != null) {
            line.append("  for ").append(cause.getFileName());
        }
        return line.toString();
    }

    private static List<Path> xmlFilesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml"))
                    .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                    .toList();
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
