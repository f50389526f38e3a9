package org.onewindow.sftp;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.onewindow.message.Headers;
import org.onewindow.sftp.SftpSettings.RemoteMailbox;
import org.onewindow.store.MessageStore;
import org.onewindow.store.StoredMessage;

/**
 * Delivers a reply that leaves on the SFTP channel as {@code <type>-<hubId>.xml}: into the party's outbox on the hub's
 * own SFTP server, or — for a party whose mailbox is on its own SFTP server — names the {@code sftp:} endpoint that
 * writes it there (header {@link #REMOTE_URI}). The recipient is the stored message's, so nothing in the queue
 * message decides where a reply goes.
 */
public final class SftpDelivery {
    /** Header naming the remote outbox endpoint, set only for parties with a remote mailbox. */
    public static final String REMOTE_URI = "OneWindowRemoteSftp";

    private final MessageStore messages;
    private final Mailboxes mailboxes;
    private final Map<String, RemoteMailbox> remotes;

    public SftpDelivery(MessageStore messages, Mailboxes mailboxes, SftpSettings settings) {
        this.messages = messages;
        this.mailboxes = mailboxes;
        this.remotes = settings.remotes().stream().collect(Collectors.toMap(RemoteMailbox::party, Function.identity()));
    }

    /** Names the file and, for a remote mailbox, its endpoint; delivers to the hub's own outbox otherwise. */
    public void deliver(Exchange exchange) throws IOException {
        String hubId = exchange.getIn().getHeader(Headers.HUB_ID, String.class);
        StoredMessage stored = messages.find(hubId)
                .filter(m -> m.recipient() != null)
                .orElseThrow(() -> new IllegalStateException("Message " + hubId + " for SFTP delivery is not stored with a recipient"));
        String fileName = stored.messageType() + "-" + hubId + ".xml";
        RemoteMailbox remote = remotes.get(stored.recipient());
        if (remote != null) {
            exchange.getIn().setHeader(Exchange.FILE_NAME, fileName);
            exchange.getIn().setHeader(REMOTE_URI, remote.outboxUri());
        } else {
            mailboxes.deliver(stored.recipient(), fileName, exchange.getIn().getBody(byte[].class));
        }
    }
}
