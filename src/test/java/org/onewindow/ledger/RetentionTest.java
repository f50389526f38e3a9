package org.onewindow.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.infra.HubSettings;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.HubIds;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.DeliveryStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.TestDatabases;

/**
 * Retention on the embedded H2 and on PostgreSQL: the bodies of messages whose case has been quiet for the retention
 * period move to archive files, while a case with a recent message keeps all of its bodies; an archived body is
 * still read by the store and the pull mailbox, the message log still verifies, a body a crash left both archived
 * and in the database is archived again (and its earlier file deleted), files a crash left that nothing points to are
 * deleted, and an archive file altered or removed, or an archived digest changed, is reported by {@code log verify}.
 */
class RetentionTest {
    private static final String BROKER = "BROKER01";
    private static final Duration RETENTION = Duration.ofDays(30);

    @TempDir
    static Path dataDir;

    @ParameterizedTest
    @MethodSource("org.onewindow.store.TestDatabases#kinds")
    void bodiesOfQuietCasesMoveToArchiveFilesAndStayReadableAndVerifiable(String kind) throws Exception {
        HubSettings settings = TestDatabases.settings(kind, dataDir);
        try (Database database = new Database(settings)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Instant now = Instant.now();
            BodyArchive archive = new BodyArchive(settings.dataDir().resolve("message-archive"), jdbc);
            MessageStore messages = new MessageStore(jdbc, Clock.fixed(now, ZoneOffset.UTC), archive);
            MessageStore twentyDaysOn = new MessageStore(jdbc, Clock.fixed(now.plus(Duration.ofDays(20)), ZoneOffset.UTC), archive);
            DeliveryStore deliveries = new DeliveryStore(jdbc, Clock.fixed(now, ZoneOffset.UTC), archive);
            VerifyMessageLog log = new VerifyMessageLog(jdbc, archive);

            String rejected = HubIds.next();
            messages.saveInbound(rejected, "HTTP", BROKER, "<rejected/>".getBytes(UTF_8));
            messages.recordRejection(rejected, ErrorCode.SCHEMA_INVALID, "W004 text");
            String quietCase = HubIds.next();
            String toAgency = sent(messages, quietCase, "onewindow.agency.CD", "<to-agency/>");
            String merged = sent(messages, quietCase, BROKER, "<merged/>");
            deliveries.enqueue(BROKER, merged);
            String busyCase = HubIds.next();
            String first = sent(messages, busyCase, BROKER, "<first/>");
            String latest = sent(twentyDaysOn, busyCase, BROKER, "<latest/>");
            new SealMessageLog(jdbc, Clock.systemUTC(), 100).run();

            Clock monthOn = Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC);
            new ArchiveMessageBodies(jdbc, archive, monthOn, Optional.empty(), 2, () -> false).run();
            assertThat(bodiesInDatabase(jdbc)).isEqualTo(5);

            // as a crash leaves it: archived into a file, the database pointing there, the body not yet deleted
            Path archivedBeforeTheCrash = leftover(archive, "bodies-20200101T000000Z-" + rejected + ".zip");
            jdbc.update("insert into archived_body (hub_id, body_sha256, archive_file, archived_at) values (?, ?, ?, ?)",
                    rejected, "0".repeat(64), archivedBeforeTheCrash.getFileName().toString(), now);
            // and as crashes leave them before the database points to their file: one half written, one complete
            Path halfWritten = leftover(archive, ".bodies-20200101T000000Z-" + HubIds.next() + ".zip.partial");
            Path pointedToByNothing = leftover(archive, "bodies-20200101T000000Z-" + HubIds.next() + ".zip");
            Path operatorsNote = leftover(archive, "README.txt");
            new ArchiveMessageBodies(jdbc, archive, monthOn, Optional.of(RETENTION), 2, () -> true).run();
            assertThat(bodiesInDatabase(jdbc)).as("nothing is archived while the disk is full").isEqualTo(5);
            ArchiveMessageBodies retention = new ArchiveMessageBodies(jdbc, archive, monthOn, Optional.of(RETENTION), 2,
                    () -> false);
            retention.run();
            assertThat(halfWritten).as("a half-written file is deleted").doesNotExist();
            assertThat(pointedToByNothing).as("a file nothing points to is deleted").doesNotExist();
            assertThat(archivedBeforeTheCrash).as("a file whose bodies went into a newer one is deleted").doesNotExist();
            assertThat(operatorsNote).as("what is not the hub's stays").exists();
            assertThat(bodiesInDatabase(jdbc)).as("the busy case keeps its bodies").isEqualTo(2);
            assertThat(jdbc.query("select hub_id from message_body order by hub_id", rs -> rs.getString(1)))
                    .containsExactlyInAnyOrder(first, latest);
            List<Path> files = archiveFiles(archive);
            assertThat(files).as("three bodies, two to a file").hasSize(2)
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).matches("bodies-\\d{8}T\\d{6}Z-[0-9a-f-]{36}\\.zip"));
            assertThat(retention.archiveBatch()).as("nothing more is due").isZero();

            assertThat(messages.body(rejected)).contains("<rejected/>".getBytes(UTF_8));
            assertThat(messages.body(toAgency)).contains("<to-agency/>".getBytes(UTF_8));
            assertThat(deliveries.pending(BROKER, 10)).filteredOn(p -> p.hubId().equals(merged)).singleElement()
                    .satisfies(p -> assertThat(p.body()).isEqualTo("<merged/>".getBytes(UTF_8)));
            assertThat(recordsOf(files)).anySatisfy(line -> assertThat(line).startsWith(merged + ",OUT,HTTP,HUB," + BROKER + ",")
                    .contains("," + quietCase + ",XML," + BROKER + ","));
            VerifyMessageLog.Report intact = log.verify();
            assertThat(intact.problems()).isEmpty();
            assertThat(intact.records()).isEqualTo(5);
            assertThat(intact.archived()).isEqualTo(3);

            Path holdingMerged = files.stream().filter(f -> holds(f, merged)).findFirst().orElseThrow();
            replaceBody(holdingMerged, merged, "<merged>altered</merged>");
            assertThat(log.verify().problems()).singleElement().asString()
                    .isEqualTo("archive file " + holdingMerged.getFileName() + ": the body of " + merged
                            + " is not the one archived (the file was altered)");
            Path other = files.stream().filter(f -> !f.equals(holdingMerged)).findFirst().orElseThrow();
            String inOther = holds(other, rejected) ? rejected : toAgency;
            Files.delete(other);
            assertThat(log.verify().problems()).contains("archive file " + other.getFileName() + ": Archive file "
                    + other.getFileName() + " is not in " + archive.directory());
            assertThatThrownBy(() -> messages.body(inOther)).hasMessageContaining(other.getFileName().toString());

            jdbc.update("update archived_body set body_sha256 = ? where hub_id = ?", "0".repeat(64), merged);
            assertThat(log.verify().problems()).anySatisfy(problem -> assertThat(problem)
                    .contains("(hub id " + merged + "): its content no longer matches its hash"));
        }
    }

    private static String sent(MessageStore messages, String caseId, String recipient, String body) {
        String hubId = HubIds.next();
        messages.saveOutbound(new MessageStore.Outbound(hubId, "HTTP", "HUB", recipient, "NX5106", null, null, null, caseId,
                null, null, body.getBytes(UTF_8)));
        return hubId;
    }

    private static long bodiesInDatabase(Jdbc jdbc) {
        return jdbc.queryOne("select count(*) from message_body", rs -> rs.getLong(1)).orElseThrow();
    }

    private static List<Path> archiveFiles(BodyArchive archive) throws IOException {
        try (Stream<Path> files = Files.list(archive.directory())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
    }

    /** A file in the archive directory, as something other than a finished archiving run left it. */
    private static Path leftover(BodyArchive archive, String name) throws IOException {
        Files.createDirectories(archive.directory());
        return Files.writeString(archive.directory().resolve(name), "left behind");
    }

    private static List<String> recordsOf(List<Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(BodyArchive.RECORDS))) {
                List<String> records = new String(in.readAllBytes(), UTF_8).lines().toList();
                assertThat(records.get(0)).startsWith("hub_id,direction,channel,sender,recipient,received_at,");
                lines.addAll(records.subList(1, records.size()));
            }
        }
        return Collections.unmodifiableList(lines);
    }

    private static boolean holds(Path file, String hubId) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(hubId) != null;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes the archive file again with one body changed, as someone editing it would. */
    private static void replaceBody(Path file, String hubId, String body) throws IOException {
        Path copy = file.resolveSibling("copy.zip");
        try (ZipFile zip = new ZipFile(file.toFile()); OutputStream out = Files.newOutputStream(copy);
             ZipOutputStream altered = new ZipOutputStream(out)) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                altered.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    altered.write(entry.getName().equals(hubId) ? body.getBytes(UTF_8) : in.readAllBytes());
                }
                altered.closeEntry();
            }
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
