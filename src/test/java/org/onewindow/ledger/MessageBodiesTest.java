package org.onewindow.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.infra.HubSettings;
import org.onewindow.message.ErrorCode;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.TestDatabases;

/**
 * Message bodies live in {@code message_body} since V12, on the embedded H2 and on PostgreSQL: a record sealed
 * into the message log before the migration still verifies with its moved body, records stored after it are
 * sealed with theirs (a large one deflated since V16) and read back from the store and the pull mailbox, and a
 * deleted body is reported.
 */
class MessageBodiesTest {
    private static final String PARTY = "BROKER01";

    @TempDir
    static Path dataDir;

    @ParameterizedTest
    @MethodSource("org.onewindow.store.TestDatabases#kinds")
    void bodiesMovedByTheMigrationAndStoredAfterItAreSealedReadAndVerified(String kind) throws Exception {
        HubSettings settings = TestDatabases.settings(kind, dataDir);
        byte[] beforeBody = "<sealed-before-V12/>".getBytes(UTF_8);
        ChainRecord before = ChainRecord.of(UUID.randomUUID().toString(), "IN", "HTTP", PARTY, null,
                Instant.parse("2026-01-05T08:30:00Z"), beforeBody);
        storeSealedBeforeTheMigration(settings, before, beforeBody);

        try (Database database = new Database(settings)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Clock clock = Clock.systemUTC();
            BodyArchive archive = new BodyArchive(settings.dataDir().resolve("message-archive"), jdbc);
            MessageStore messages = new MessageStore(jdbc, clock, archive);
            DeliveryStore deliveries = new DeliveryStore(jdbc, clock, archive);
            VerifyMessageLog log = new VerifyMessageLog(jdbc, archive);
            assertThat(messages.body(before.hubId()).orElseThrow()).isEqualTo(beforeBody);
            assertThat(log.verify().intact()).isTrue();

            String inbound = UUID.randomUUID().toString();
            messages.saveInbound(inbound, "HTTP", PARTY, "<in/>".getBytes(UTF_8));
            messages.recordRejection(inbound, ErrorCode.SCHEMA_INVALID, "W004 text");
            String outbound = UUID.randomUUID().toString();
            byte[] outBody = Files.readAllBytes(Path.of("samples/NX5105/valid/all-agencies-60-items.xml"));
            messages.saveOutbound(new MessageStore.Outbound(outbound, "HTTP", "HUB", PARTY, "NX903", null, null, null, null,
                    inbound, inbound, outBody));
            deliveries.enqueue(PARTY, outbound);
            new SealMessageLog(jdbc, clock, 10).run();

            assertThat(messages.body(inbound).orElseThrow()).isEqualTo("<in/>".getBytes(UTF_8));
            assertThat(deliveries.pending(PARTY, 10)).singleElement()
                    .satisfies(p -> assertThat(p.body()).isEqualTo(outBody));
            // the large body is kept deflated, the small one as it came
            assertThat(jdbc.queryOne("select compressed, octet_length(body) from message_body where hub_id = ?",
                    rs -> rs.getBoolean(1) && rs.getLong(2) < outBody.length / 4, outbound)).contains(true);
            assertThat(jdbc.queryOne("select compressed from message_body where hub_id = ?", rs -> rs.getBoolean(1), inbound))
                    .contains(false);
            VerifyMessageLog.Report sealed = log.verify();
            assertThat(sealed.problems()).isEmpty();
            assertThat(sealed.records()).isEqualTo(3);

            jdbc.update("delete from message_body where hub_id = ?", inbound);
            assertThat(log.verify().problems()).singleElement().asString()
                    .contains("position 2 (hub id " + inbound + "): its body is gone");
        }
    }

    /** A record as the hub stored and sealed it up to V11: its body inline in {@code message}. */
    private static void storeSealedBeforeTheMigration(HubSettings settings, ChainRecord record, byte[] body) throws SQLException {
        Flyway.configure().dataSource(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword()).target("11")
                .load().migrate();
        String hash = record.hash(ChainRecord.GENESIS);
        Timestamp at = Timestamp.from(record.receivedAt());
        try (Connection c = DriverManager.getConnection(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword());
             PreparedStatement message = c.prepareStatement("insert into message (hub_id, direction, channel, sender, status, "
                     + "size_bytes, received_at, updated_at, body, chain_party, chain_position, previous_hash, record_hash) "
                     + "values (?, 'IN', 'HTTP', ?, 'ADMITTED', ?, ?, ?, ?, ?, 1, ?, ?)");
             PreparedStatement head = c.prepareStatement("insert into message_chain_head (chain_party, chain_position, "
                     + "record_hash, sealed_at) values (?, 1, ?, ?)")) {
            message.setString(1, record.hubId());
            message.setString(2, PARTY);
            message.setInt(3, body.length);
            message.setTimestamp(4, at);
            message.setTimestamp(5, at);
            message.setBytes(6, body);
            message.setString(7, PARTY);
            message.setString(8, ChainRecord.GENESIS);
            message.setString(9, hash);
            message.executeUpdate();
            head.setString(1, PARTY);
            head.setString(2, hash);
            head.setTimestamp(3, at);
            head.executeUpdate();
        }
    }
}
