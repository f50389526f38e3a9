package org.onewindow.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.message.ErrorCode;
import org.onewindow.reply.Rejection;
import org.onewindow.store.Jdbc;
import org.onewindow.store.TestDatabases;

/** The delegation rule on the real databases: who may send a declaration for importer 12345675, and why not. */
class CheckSenderMayActTest {
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final String DECLARATION = "AA  14K7300103";
    private static final String OTHER_DECLARATION = "AA  14K7300104";

    @TempDir
    static Path dataDir;

    @ParameterizedTest
    @MethodSource("org.onewindow.store.TestDatabases#kinds")
    void onlyTheImporterOrAnAcceptedCoveringDelegationMayAct(String kind) throws Exception {
        try (Database database = TestDatabases.open(kind, dataDir)) {
            DelegationStore store = new DelegationStore(new Jdbc(database.dataSource()), Clock.systemUTC());
            CheckSenderMayAct rule = new CheckSenderMayAct(store, TAIPEI);
            Instant now = Instant.now();
            LocalDate today = now.atZone(TAIPEI).toLocalDate();
            String importer = "1" + unique();

            assertThat(rule.check(importer, importer, DECLARATION, now)).as("the importer itself").isEmpty();
            assertThat(reason(rule.check("16151437", importer, DECLARATION, now))).contains("no delegation");

            String accepted = unique();
            store.insert(perDeclaration(importer, accepted, DECLARATION));
            assertThat(reason(rule.check(accepted, importer, DECLARATION, now))).as("offered, not accepted")
                    .contains("offered but the broker has not accepted it");
            store.answer(idOf(store, importer, accepted), Delegation.State.ACCEPTED, null);
            assertThat(rule.check(accepted, importer, DECLARATION, now)).as("accepted for this declaration").isEmpty();
            assertThat(reason(rule.check(accepted, importer, OTHER_DECLARATION, now))).as("another declaration")
                    .contains("other declarations only (" + DECLARATION + ")");

            String refusing = unique();
            store.insert(perDeclaration(importer, refusing, DECLARATION));
            store.answer(idOf(store, importer, refusing), Delegation.State.REFUSED, "not our client");
            assertThat(reason(rule.check(refusing, importer, DECLARATION, now))).contains("was refused by the broker");

            String revoked = unique();
            store.insert(perDeclaration(importer, revoked, DECLARATION));
            store.answer(idOf(store, importer, revoked), Delegation.State.ACCEPTED, null);
            store.revoke(idOf(store, importer, revoked));
            assertThat(reason(rule.check(revoked, importer, DECLARATION, now))).contains("was revoked by the importer");

            String longTerm = unique();
            store.insert(longTerm(importer, longTerm, today.minusDays(10), today.plusDays(10)));
            store.answer(idOf(store, importer, longTerm), Delegation.State.ACCEPTED, null);
            assertThat(rule.check(longTerm, importer, OTHER_DECLARATION, now)).as("long-term covers every declaration").isEmpty();

            String expired = unique();
            store.insert(longTerm(importer, expired, today.minusDays(30), today.minusDays(1)));
            store.answer(idOf(store, importer, expired), Delegation.State.ACCEPTED, null);
            assertThat(reason(rule.check(expired, importer, DECLARATION, now))).contains("expired after " + today.minusDays(1));

            String early = unique();
            store.insert(longTerm(importer, early, today.plusDays(1), today.plusDays(30)));
            store.answer(idOf(store, importer, early), Delegation.State.ACCEPTED, null);
            assertThat(reason(rule.check(early, importer, DECLARATION, now))).contains("valid only from " + today.plusDays(1));
        }
    }

    private static String reason(java.util.Optional<Rejection> rejection) {
        assertThat(rejection).isPresent();
        assertThat(rejection.get().code()).isEqualTo(ErrorCode.SENDER_NOT_DELEGATED);
        assertThat(rejection.get().text()).startsWith("T310 The sender may not act for this importer: Sender ");
        return rejection.get().detail();
    }

    private static String idOf(DelegationStore store, String importer, String broker) {
        return store.between(importer, broker).get(0).id();
    }

    private static Delegation perDeclaration(String importer, String broker, String declarationNo) {
        return new Delegation(UUID.randomUUID().toString(), importer, broker, Delegation.Scope.DECLARATION, declarationNo,
                null, null, Delegation.State.OFFERED, null, Instant.now(), null, null);
    }

    private static Delegation longTerm(String importer, String broker, LocalDate from, LocalDate until) {
        return new Delegation(UUID.randomUUID().toString(), importer, broker, Delegation.Scope.LONG_TERM, null,
                from, until, Delegation.State.OFFERED, null, Instant.now(), null, null);
    }

    /** An 8-character party id of its own per call, so cases on one database do not see each other. */
    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
