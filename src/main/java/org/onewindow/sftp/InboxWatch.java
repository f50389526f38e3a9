package org.onewindow.sftp;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.onewindow.message.ErrorCode;
import org.onewindow.ops.DiskSpaceGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows when an upload to a party's {@code inbox/} is complete: when the SFTP client closes the file it wrote (what
 * {@code sftp put} does), or renames a file into the inbox under its final name (the temporary-name convention of
 * {@link Mailboxes}). Only then is the file handed to the intake; a file still open for writing never is. Files the
 * intake could not take at once (the hub's database or broker failing) stay in the inbox and are taken by
 * {@link #waiting()}, which the sweep route asks regularly. While the hub's disk is nearly full ({@link DiskSpaceGuard})
 * an inbox file cannot be opened for writing: the client's upload fails before anything is written (status "no space
 * on file system", text S902), and the party sends it again later.
 */
public final class InboxWatch implements SftpEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatch.class);

    /** Takes a complete upload: stores it, queues it for admission and archives it. */
    public interface Intake {
        void take(Upload upload) throws Exception;
    }

    /** A complete upload of a party. */
    public record Upload(String party, Path file) {
    }

    private final Mailboxes mailboxes;
    private final DiskSpaceGuard disk;
    /** Inbox files open for writing, with the session writing them. */
    private final Map<Path, ServerSession> beingWritten = new ConcurrentHashMap<>();
    private volatile Intake intake;

    public InboxWatch(Mailboxes mailboxes, DiskSpaceGuard disk) {
        this.mailboxes = mailboxes;
        this.disk = disk;
    }

    /** Connects the intake (the Camel route), once the routes are started. */
    public void connect(Intake intake) {
        this.intake = intake;
    }

    /** Called before the file is created or opened: refusing here leaves nothing behind in the inbox. */
    @Override
    public void opening(ServerSession session, String remoteHandle, Handle local) throws IOException {
        if (disk.full() && writes(local) && inboxFile(session, local).isPresent()) {
            throw new SftpException(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM,
                    ErrorCode.STORAGE_FULL.code() + " " + ErrorCode.STORAGE_FULL.text());
        }
    }

    @Override
    public void open(ServerSession session, String remoteHandle, Handle local) {
        inboxFile(session, local).filter(f -> writes(local)).ifPresent(file -> beingWritten.put(file, session));
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle local, Throwable thrown) {
        inboxFile(session, local).filter(file -> beingWritten.remove(file) != null).ifPresent(file -> {
            if (thrown == null) {
                offer(session.getUsername(), file);
            }
        });
    }

    @Override
    public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options, Throwable thrown) {
        if (thrown == null) {
            inboxFile(session, target).ifPresent(file -> offer(session.getUsername(), file));
        }
    }

    /** A session that ends with a file still open (a broken connection) leaves it to the sweep. */
    @Override
    public void destroying(ServerSession session) {
        beingWritten.values().removeIf(writer -> writer == session);
    }

    /** Complete uploads still in the inboxes (not open for writing, not named as in progress). */
    public List<Upload> waiting() throws IOException {
        List<Upload> waiting = new ArrayList<>();
        if (!Files.isDirectory(mailboxes.root())) {
            return waiting;
        }
        try (Stream<Path> homes = Files.list(mailboxes.root())) {
            for (Path home : homes.toList()) {
                Path inbox = home.resolve(Mailboxes.INBOX);
                if (!Mailboxes.isPartyName(home.getFileName().toString()) || !Files.isDirectory(inbox)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(inbox)) {
                    files.filter(Files::isRegularFile)
                            .filter(f -> !Mailboxes.inProgress(f.getFileName().toString()) && !beingWritten.containsKey(f))
                            .forEach(f -> waiting.add(new Upload(home.getFileName().toString(), f)));
                }
            }
        }
        return waiting;
    }

    private void offer(String party, Path file) {
        if (Mailboxes.inProgress(file.getFileName().toString()) || !Files.isRegularFile(file)) {
            return;
        }
        Intake target = intake;
        if (target == null) {
            return;
        }
        try {
            target.take(new Upload(party, file));
        } catch (Exception e) {
            // the file stays in the inbox; the sweep takes it when the hub can store it again
            LOG.warn("Upload {} of party {} not taken yet: {}", file.getFileName(), party, e.toString());
        }
    }

    private static boolean writes(Handle handle) {
        if (!(handle instanceof FileHandle)) {
            return false;
        }
        Set<StandardOpenOption> options = ((FileHandle) handle).getOpenOptions();
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    private Optional<Path> inboxFile(ServerSession session, Handle handle) {
        return handle instanceof FileHandle ? inboxFile(session, handle.getFile()) : Optional.empty();
    }

    /** The real path of a file directly in the session party's inbox, given its path inside the party's chroot. */
    private Optional<Path> inboxFile(ServerSession session, Path chrooted) {
        String[] parts = chrooted.toAbsolutePath().normalize().toString().replace('\\', '/').split("/");
        // "/inbox/<name>" splits into "", "inbox", name
        if (parts.length != 3 || !Mailboxes.INBOX.equals(parts[1]) || !Mailboxes.isPartyName(session.getUsername())) {
            return Optional.empty();
        }
        return Optional.of(mailboxes.folder(session.getUsername(), Mailboxes.INBOX).resolve(parts[2]));
    }
}
