package org.onewindow.ledger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.store.BodyArchive;
import org.onewindow.store.Jdbc;
import org.onewindow.store.MessageStore;
import org.onewindow.store.TestDatabases;

/**
 * An operator may verify the message log while the hub is busy: records sealed during the walk are no reason to
 * report a chain as cut short. Here one thread keeps storing and sealing records of one party while another keeps
 * verifying, on the real databases; every report must be intact, and the last one must cover every record.
 */
class VerifyWhileSealingTest {
    private static final String PARTY = "BROKER01";
    private static final int BATCHES = 150;
    private static final int PER_BATCH = 4;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @MethodSource("org.onewindow.store.TestDatabases#kinds")
    void verifyingWhileTheSealerWorksReportsNoFalseProblems(String kind) throws Exception {
        try (Database database = TestDatabases.open(kind, dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Clock clock = Clock.systemUTC();
            BodyArchive archive = new BodyArchive(dataDir.resolve("message-archive"), jdbc);
            MessageStore messages = new MessageStore(jdbc, clock, archive);
            SealMessageLog sealer = new SealMessageLog(jdbc, clock, PER_BATCH);
            VerifyMessageLog log = new VerifyMessageLog(jdbc, archive);
            AtomicBoolean sealing = new AtomicBoolean(true);

            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int batch = 0; batch < BATCHES; batch++) {
                        for (int i = 0; i < PER_BATCH; i++) {
                            String hubId = UUID.randomUUID().toString();
                            messages.saveOutbound(new MessageStore.Outbound(hubId, "HTTP", "HUB", PARTY, "NX903", null, null,
                                    null, null, null, null, ("<n" + batch + "-" + i + "/>").getBytes(UTF_8)));
                        }
                        sealer.sealBatch();
                    }
                } finally {
                    sealing.set(false);
                }
            });
            List<String> problems = new ArrayList<>();
            int verified = 0;
            while (sealing.get() || verified == 0) {
                problems.addAll(log.verify().problems());
                verified++;
            }
            writer.join();

            assertThat(problems).as("problems over %d verifications during sealing", verified).isEmpty();
            VerifyMessageLog.Report last = log.verify();
            assertThat(last.problems()).isEmpty();
            assertThat(last.records()).isEqualTo((long) BATCHES * PER_BATCH);
        }
    }
}
