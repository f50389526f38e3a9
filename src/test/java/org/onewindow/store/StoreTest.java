package org.onewindow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.message.ErrorCode;
import org.onewindow.message.MessageKeys;

/**
 * The stores on the real databases: the embedded H2 file, and PostgreSQL on 127.0.0.1:5432 (database
 * {@code test}, a schema of its own per run) where the machine has it.
 */
class StoreTest {
    @TempDir
    static Path dataDir;

    static Stream<String> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void casesApplicationsAndClaimsBehaveOnEveryDatabase(String kind) throws Exception {
        try (Database database = open(kind)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            Clock clock = Clock.systemUTC();
            MessageStore messages = new MessageStore(jdbc, clock, new BodyArchive(dataDir.resolve("message-archive"), jdbc));
            CaseStore cases = new CaseStore(jdbc, clock);
            DedupStore dedup = new DedupStore(jdbc, clock);

            String hubId = UUID.randomUUID().toString();
            messages.saveInbound(hubId, "HTTP", "BROKER01", "<x/>".getBytes());
            String caseId = UUID.randomUUID().toString();
            String declarationNo = "AA  1141" + (10000 + (int) (Math.random() * 89999)) + "1";
            jdbc.inTransaction(() -> {
                cases.open(new TradeCase(caseId, declarationNo.substring(0, 14), TradeCase.COMBINED, "BROKER01", "12345675", "HTTP",
                        null, null, null, hubId, Instant.now().minus(Duration.ofMinutes(1)), null, null, false));
                cases.addApplication(caseId, "customs", "NX5105", null, "1,2", hubId);
                cases.addApplication(caseId, "CD", "NX601", "12345675SW2511240001", "2", hubId);
                dedup.claim("BROKER01", declarationNo, "9", hubId);
                messages.recordIdentity(hubId, "BROKER01", "NX5105", "R-08-00",
                        new MessageKeys(declarationNo, "9", declarationNo.substring(0, 14), "12345675"), caseId, "ADMITTED");
                return null;
            });

            assertThat(dedup.holder("BROKER01", declarationNo, "9")).contains(hubId);
            assertThat(messages.find(hubId).orElseThrow().status()).isEqualTo("ADMITTED");
            assertThat(cases.silentPastDeadline(Instant.now())).extracting(AgencyApplication::agency).contains("customs", "CD");
            assertThat(cases.claimSilenceReport(caseId, "CD")).isTrue();
            assertThat(cases.claimSilenceReport(caseId, "CD")).isFalse();

            cases.moveApplication(caseId, "CD", "RECEIVED", hubId);
            assertThat(cases.claimFirstVerdict(caseId, "CD", "Y", "2:Y")).isTrue();
            assertThat(cases.claimFirstVerdict(caseId, "CD", "N", null)).isFalse();
            assertThat(cases.claimMergedAck(caseId, "Y")).isTrue();
            assertThat(cases.claimMergedAck(caseId, "Y")).isFalse();
            cases.moveCase(caseId, "ACCEPTED", hubId);
            cases.moveCase(caseId, "ACCEPTED", hubId);

            assertThat(cases.events(caseId)).extracting(CaseEvent::toState)
                    .containsExactly("SUBMITTED", "SUBMITTED", "SUBMITTED", "RECEIVED", "ACCEPTED");

            messages.recordRejection(hubId, ErrorCode.SCHEMA_INVALID, "W004 text");
            assertThat(messages.find(hubId).orElseThrow().errorCode()).isEqualTo("W004");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedTransactionLeavesNothingBehind(String kind) throws Exception {
        withDedupStore(kind, (jdbc, dedup) -> {
            String ref = UUID.randomUUID().toString();

            claimThenFail(dedup, ref, jdbc::inTransaction);

            assertThat(dedup.holder("BROKER01", ref, "9")).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedSavepointUndoesOnlyItsOwnWork(String kind) throws Exception {
        withDedupStore(kind, (jdbc, dedup) -> {
            String before = UUID.randomUUID().toString();
            String failed = UUID.randomUUID().toString();
            String after = UUID.randomUUID().toString();

            jdbc.inTransaction(() -> {
                dedup.claim("BROKER01", before, "9", "h1");
                // the outer work goes on after the failure, as admission does with an interchange's next declaration
                claimThenFail(dedup, failed, jdbc::inSavepoint);
                jdbc.inSavepoint(() -> {
                    dedup.claim("BROKER01", after, "9", "h3");
                    return null;
                });
                return null;
            });

            assertThat(dedup.holder("BROKER01", before, "9")).contains("h1");
            assertThat(dedup.holder("BROKER01", failed, "9")).isEmpty();
            assertThat(dedup.holder("BROKER01", after, "9")).contains("h3");
        });
    }

    /** What a test does with the dedup store on one database. */
    @FunctionalInterface
    private interface DedupWork {
        void run(Jdbc jdbc, DedupStore dedup) throws Exception;
    }

    /** Runs {@code work} against a dedup store on a fresh database of the given kind. */
    private static void withDedupStore(String kind, DedupWork work) throws Exception {
        try (Database database = open(kind)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            work.run(jdbc, new DedupStore(jdbc, Clock.systemUTC()));
        }
    }

    /** Claims {@code ref} inside {@code scope} and then fails, as work that breaks half-way does. */
    private static void claimThenFail(DedupStore dedup, String ref, Function<Jdbc.Work<Object>, Object> scope) {
        assertThatThrownBy(() -> scope.apply(() -> {
            dedup.claim("BROKER01", ref, "9", "h2");
            throw new IllegalStateException("work failed after the claim");
        })).isInstanceOf(IllegalStateException.class);
    }

    private static Database open(String kind) throws Exception {
        return TestDatabases.open(kind, dataDir);
    }
}
