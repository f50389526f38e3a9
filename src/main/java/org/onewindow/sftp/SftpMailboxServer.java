package org.onewindow.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.Service;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's SFTP server (Apache MINA SSHD): SFTP only — no shell, no commands, no port forwarding — with public-key
 * login bound to the party registry ({@link PartyKeyLogin}), each party chrooted to its own mailbox home
 * ({@link Mailboxes}), and complete uploads to {@code inbox/} reported by {@link InboxWatch}. Its host key
 * (ECDSA P-256) is created at first start and kept, so clients see the same host key after a restart.
 */
public final class SftpMailboxServer implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(SftpMailboxServer.class);

    private final SftpSettings settings;
    private final SshKeyStore keys;
    private final Mailboxes mailboxes;
    private final InboxWatch watch;
    private SshServer server;

    public SftpMailboxServer(SftpSettings settings, SshKeyStore keys, Mailboxes mailboxes, InboxWatch watch) {
        this.settings = settings;
        this.keys = keys;
        this.mailboxes = mailboxes;
        this.watch = watch;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(settings.hostKey().toAbsolutePath().getParent());
            Files.createDirectories(mailboxes.root());
            SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(settings.hostKey());
            hostKey.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKey.setKeySize(256);
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(watch);
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(settings.host());
            sshd.setPort(settings.port());
            sshd.setKeyPairProvider(hostKey);
            sshd.setPublickeyAuthenticator(new PartyKeyLogin(keys, mailboxes));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            sshd.setGSSAuthenticator(null);
            sshd.setHostBasedAuthenticator(null);
            sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
            sshd.setSubsystemFactories(List.of(sftp));
            sshd.setFileSystemFactory(new VirtualFileSystemFactory() {
                @Override
                public Path getUserHomeDir(SessionContext session) {
                    return mailboxes.home(session.getUsername());
                }
            });
            sshd.start();
            server = sshd;
            LOG.info("SFTP mailboxes on {}:{}, homes in {}", settings.host(), sshd.getPort(), mailboxes.root());
        } catch (IOException e) {
            throw new IllegalStateException("The SFTP server could not start on port " + settings.port(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("SFTP server did not stop cleanly", e);
        } finally {
            server = null;
        }
    }
}
