package org.onewindow.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The parties' SFTP mailboxes on the hub's disk: one home per party under {@code <data-dir>/sftp/home/<party>}, with
 * {@code inbox/} (the party uploads), {@code outbox/} (the hub's replies) and {@code archive/} (uploads the hub has
 * stored). A party's SFTP session is chrooted to its home: it cannot name, let alone open, another party's files.
 * Files whose name starts with a dot or ends in {@code .tmp}, {@code .part} or {@code .filepart} are uploads in
 * progress: the hub takes them only once renamed.
 */
public final class Mailboxes {
    public static final String INBOX = "inbox";
    public static final String OUTBOX = "outbox";
    public static final String ARCHIVE = "archive";
    private static final Pattern PARTY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,31}");
    private static final Pattern IN_PROGRESS = Pattern.compile("^\\..*|.*\\.(tmp|part|filepart)$");

    private final Path root;

    public Mailboxes(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** True when the name can be a party's home (no path tricks like {@code ..}). */
    public static boolean isPartyName(String party) {
        return party != null && PARTY.matcher(party).matches() && !party.contains("..");
    }

    /** True when the name marks an upload still in progress (see the class comment). */
    public static boolean inProgress(String fileName) {
        return IN_PROGRESS.matcher(fileName).matches();
    }

    public Path root() {
        return root;
    }

    /** The party's home, created with its three folders on first use. */
    public Path home(String party) {
        if (!isPartyName(party)) {
            throw new IllegalArgumentException("No mailbox for party name '" + party + "'");
        }
        Path home = root.resolve(party);
        try {
            for (String folder : new String[] {INBOX, OUTBOX, ARCHIVE}) {
                Files.createDirectories(home.resolve(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the SFTP mailbox of " + party, e);
        }
        return home;
    }

    /** The party's home folder of that name (inbox, outbox, archive). */
    public Path folder(String party, String folder) {
        return home(party).resolve(folder);
    }

    /**
     * Writes a message to the party's outbox atomically: first under a temporary dot-name, then renamed, so the party
     * never sees half a file. An existing file of the same name (the same message sent again) is replaced.
     */
    public Path deliver(String party, String fileName, byte[] body) throws IOException {
        Path outbox = folder(party, OUTBOX);
        Path temporary = outbox.resolve("." + fileName + ".tmp");
        Files.write(temporary, body);
        return Files.move(temporary, outbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Moves a stored upload from the party's inbox to its archive, keeping its name (made unique when taken). */
    public Path archive(InboxWatch.Upload upload) throws IOException {
        Path archive = folder(upload.party(), ARCHIVE);
        Path name = upload.file().getFileName();
        Path target = archive.resolve(name);
        if (Files.exists(target)) {
            target = archive.resolve(name + "." + System.currentTimeMillis());
        }
        return Files.move(upload.file(), target, StandardCopyOption.ATOMIC_MOVE);
    }
}
