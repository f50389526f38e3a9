package org.onewindow.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The pull mailbox: outbound messages each party has yet to acknowledge. */
public final class DeliveryStore {
    private final Jdbc jdbc;
    private final Clock clock;
    private final BodyArchive archive;

    /** {@code archive}: where retention moved the bodies of old messages, which a party may still be due. */
    public DeliveryStore(Jdbc jdbc, Clock clock, BodyArchive archive) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.archive = archive;
    }

    /** A message waiting in a party's mailbox, with its XML body. */
    public record Pending(String hubId, String messageType, String caseId, String causedBy, Instant createdAt, byte[] body) {
    }

    public void enqueue(String party, String hubId) {
        jdbc.update("insert into party_delivery (party, hub_id, created_at) values (?, ?, ?)", party, hubId, clock.instant());
    }

    public List<Pending> pending(String party, int limit) {
        return jdbc.query("select d.hub_id, m.message_type, m.case_id, m.caused_by, d.created_at, " + StoredBody.COLUMNS + " "
                        + "from party_delivery d join message m on m.hub_id = d.hub_id left join message_body b on b.hub_id = d.hub_id "
                        + "where d.party = ? and d.acked_at is null order by d.delivery_id fetch first " + limit + " rows only",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, "created_at"), bodyOf(rs.getString(1), StoredBody.read(rs))),
                party);
    }

    private byte[] bodyOf(String hubId, byte[] stored) {
        return stored != null ? stored : archive.body(hubId).orElseThrow(
                () -> new IllegalStateException("The body of message " + hubId + " is neither stored nor archived"));
    }

    /** Acknowledges a message; false when the party had no such message waiting. */
    public boolean acknowledge(String party, String hubId) {
        return jdbc.update("update party_delivery set acked_at = ? where party = ? and hub_id = ? and acked_at is null",
                clock.instant(), party, hubId) > 0;
    }
}
