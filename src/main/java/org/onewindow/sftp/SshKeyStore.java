package org.onewindow.sftp;

import java.time.Instant;
import java.util.List;
import org.onewindow.store.Jdbc;

/** The {@code party_ssh_key} table: which SSH public keys may log in to which party's SFTP mailbox. */
public final class SshKeyStore {
    private final Jdbc jdbc;

    public SshKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered key: its id, the party it logs in as, and the OpenSSH line it was registered with. */
    public record Registered(String keyId, String partyId, String keyType, String line, Instant addedAt) {
    }

    public void add(String partyId, SshPublicKey key, Instant at) {
        jdbc.update("insert into party_ssh_key (key_id, party_id, key_type, public_key, added_at) values (?, ?, ?, ?, ?)",
                key.keyId(), partyId, key.keyType(), key.line(), at);
    }

    public boolean remove(String partyId, String keyId) {
        return jdbc.update("delete from party_ssh_key where party_id = ? and key_id = ?", partyId, keyId) > 0;
    }

    public List<Registered> ofParty(String partyId) {
        return jdbc.query("select key_id, party_id, key_type, public_key, added_at from party_ssh_key where party_id = ? "
                + "order by added_at", rs -> new Registered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Jdbc.instant(rs, "added_at")), partyId);
    }

    /** True when the key is registered, in any party's name. */
    public boolean exists(String keyId) {
        return jdbc.queryOne("select 1 from party_ssh_key where key_id = ?", rs -> 1, keyId).isPresent();
    }

    /** True when the key is registered to this party and the party is active: the login check. */
    public boolean mayLogIn(String partyId, String keyId) {
        return jdbc.queryOne("select 1 from party_ssh_key k join party p on p.party_id = k.party_id "
                + "where k.party_id = ? and k.key_id = ? and p.active = true", rs -> 1, partyId, keyId).isPresent();
    }
}
