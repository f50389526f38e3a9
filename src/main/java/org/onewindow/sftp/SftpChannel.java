package org.onewindow.sftp;

import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.onewindow.api.SshKeyAdminApi;
import org.onewindow.ops.DiskSpaceGuard;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;

/** Wires the SFTP channel: the SSH key registry and its admin API, the mailboxes, the hub's SFTP server, delivery. */
public final class SftpChannel {
    private SftpChannel() {
    }

    public static void install(CamelContext context, Path dataDir, Jdbc jdbc, PartyStore parties, MessageStore messages,
                               DiskSpaceGuard disk, Clock clock) throws Exception {
        Registry registry = context.getRegistry();
        SftpSettings settings = SftpSettings.from(context, dataDir);
        SshKeyStore keys = new SshKeyStore(jdbc);
        registry.bind("sshKeyAdminApi", new SshKeyAdminApi(new SshKeyRegistry(jdbc, parties, keys, clock)));
        Mailboxes mailboxes = new Mailboxes(settings.homes());
        InboxWatch watch = new InboxWatch(mailboxes, disk);
        registry.bind("sftpInbox", mailboxes);
        registry.bind("inboxWatch", watch);
        registry.bind("sftpDelivery", new SftpDelivery(messages, mailboxes, settings));
        if (settings.enabled()) {
            context.addService(new SftpMailboxServer(settings, keys, mailboxes, watch), true, true);
        }
        context.addStartupListener(new SftpIntakeRoutes(watch, settings));
    }
}
