package org.onewindow.sftp;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onewindow.party.PartyAdministration.UnknownParty;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;

/**
 * Registers and removes the SSH public keys a party logs in to its SFTP mailbox with, each change checked and
 * audited in the party's trail (who, when, which key) in one transaction, like every other registry change. A key
 * belongs to one party only: the login name must match the key's party. Invalid keys raise
 * {@link IllegalArgumentException} with what to fix; unknown parties {@link UnknownParty}, unknown keys {@link NoSuchKey}.
 */
public final class SshKeyRegistry {
    private final Jdbc jdbc;
    private final PartyStore parties;
    private final SshKeyStore keys;
    private final Clock clock;

    public SshKeyRegistry(Jdbc jdbc, PartyStore parties, SshKeyStore keys, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.keys = keys;
        this.clock = clock;
    }

    /** The party has no key of that id. */
    public static final class NoSuchKey extends RuntimeException {
        NoSuchKey(String message) {
            super(message);
        }
    }

    public Map<String, Object> add(String actor, String partyId, String openSshLine) {
        SshPublicKey key = SshPublicKey.parse(openSshLine);
        return jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            if (keys.exists(key.keyId())) {
                throw new IllegalArgumentException("SSH key " + key.fingerprint() + " is already registered; a key logs in as one party only");
            }
            keys.add(partyId, key, clock.instant());
            Map<String, Object> view = view(key.keyId(), key.keyType(), key.fingerprint());
            parties.audit(partyId, actor, "ADD_SSH_KEY", null, "{\"keyId\":\"" + key.keyId() + "\",\"fingerprint\":\""
                    + key.fingerprint() + "\"}");
            return view;
        });
    }

    public void remove(String actor, String partyId, String keyId) {
        jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            if (!keys.remove(partyId, keyId)) {
                throw new NoSuchKey("Party " + partyId + " has no SSH key " + keyId);
            }
            parties.audit(partyId, actor, "REMOVE_SSH_KEY", "{\"keyId\":\"" + keyId + "\"}", null);
            return null;
        });
    }

    public List<Map<String, Object>> list(String partyId) {
        parties.find(partyId).orElseThrow(() -> new UnknownParty(partyId));
        return keys.ofParty(partyId).stream().map(k -> {
            Map<String, Object> view = view(k.keyId(), k.keyType(), SshPublicKey.parse(k.line()).fingerprint());
            view.put("addedAt", String.valueOf(k.addedAt()));
            return view;
        }).toList();
    }

    private static Map<String, Object> view(String keyId, String keyType, String fingerprint) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("keyId", keyId);
        view.put("keyType", keyType);
        view.put("fingerprint", fingerprint);
        return view;
    }
}
