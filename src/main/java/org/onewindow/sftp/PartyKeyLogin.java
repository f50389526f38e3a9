package org.onewindow.sftp;

import java.security.PublicKey;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * SFTP login: the user name is a party id, and the key must be one of that party's registered SSH keys
 * ({@code /api/v1/admin/parties/{party}/ssh-keys}), the party active. No passwords. A party logging in for the first
 * time gets its mailbox folders.
 */
final class PartyKeyLogin implements PublickeyAuthenticator {
    private final SshKeyStore keys;
    private final Mailboxes mailboxes;

    PartyKeyLogin(SshKeyStore keys, Mailboxes mailboxes) {
        this.keys = keys;
        this.mailboxes = mailboxes;
    }

    @Override
    public boolean authenticate(String party, PublicKey key, ServerSession session) {
        if (!Mailboxes.isPartyName(party) || !keys.mayLogIn(party, SshPublicKey.idOf(key))) {
            return false;
        }
        mailboxes.home(party);
        return true;
    }
}
