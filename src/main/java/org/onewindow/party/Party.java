package org.onewindow.party;

import java.time.Instant;

/**
 * A party the hub knows: who it is, how to reach it, and whether it may use the admin API. Certificates and
 * the API token are kept beside it ({@link PartyStore}).
 */
public record Party(String partyId, PartyKind kind, String name, String boxId, String email, String replyChannel,
                    boolean admin, boolean active, Instant createdAt, Instant updatedAt) {

    /** The same party with other contact and channel details (the id and kind never change). */
    public Party withDetails(String newName, String newBoxId, String newEmail, String newReplyChannel, boolean newAdmin,
                             boolean newActive, Instant at) {
        return new Party(partyId, kind, newName, newBoxId, newEmail, newReplyChannel, newAdmin, newActive, createdAt, at);
    }
}
