package org.onewindow.delegation;

import java.util.Optional;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.infra.Database;
import org.onewindow.store.Jdbc;
import org.onewindow.store.TestDatabases;
import org.onewindow.testing.FreePorts;

/**
 * The delegation operations on the real H2 database (the notices on PostgreSQL too) with a real SMTP server (GreenMail) or none: what a grant
 * must hold, who may answer and revoke, and that notices survive a dead mail server and go out once it is back.
 */
class DelegationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTER = "12345675";
    private static final String BROKER = "16151437";

    @TempDir
    Path dataDir;

    @Test
    void aGrantSaysWhatToFix() throws Exception {
        try (Database database = TestDatabases.open("h2", dataDir)) {
            Delegations delegations = delegations(database, false);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
            assertProblem(() -> GrantRequest.from(JSON.readTree("{\"scope\": \"LONG_TERM\"}")), 400, "'broker'");
            assertProblem(() -> GrantRequest.from(JSON.readTree("{\"broker\": \"" + BROKER + "\", \"scope\": \"ONCE\"}")), 400,
                    "DECLARATION (WJA01");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"DECLARATION\", "
                    + "\"declarationNo\": \"AA14K7300102\"}"), 400, "14-character declaration number");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"DECLARATION\", "
                    + "\"declarationNo\": \"AA  14K7300102\", \"validUntil\": \"2030-01-01\"}"), 400, "belong to LONG_TERM");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\", "
                    + "\"validUntil\": \"30.6.2027\"}"), 400, "a date like 2027-06-30");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\", "
                    + "\"validFrom\": \"" + today.minusDays(1) + "\", \"validUntil\": \"" + today + "\"}"), 400, "in the past");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\", "
                    + "\"validFrom\": \"" + today.plusDays(5) + "\", \"validUntil\": \"" + today + "\"}"), 400, "is before");
            assertProblem(() -> grant(delegations, "{\"broker\": \"" + IMPORTER + "\", \"scope\": \"LONG_TERM\", "
                    + "\"validUntil\": \"" + today + "\"}"), 400, "acts for itself");

            Delegation longest = grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\", "
                    + "\"validUntil\": \"" + today.plusYears(1) + "\"}");
            assertThat(longest.validFrom()).isEqualTo(today);
            assertThat(longest.state()).isEqualTo(Delegation.State.OFFERED);
        }
    }

    @Test
    void onlyTheBrokerAnswersOnceAndOnlyTheImporterRevokes() throws Exception {
        try (Database database = TestDatabases.open("h2", dataDir)) {
            Delegations delegations = delegations(database, false);
            String id = grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"DECLARATION\", "
                    + "\"declarationNo\": \"AA  14K7300102\"}").id();
            assertProblem(() -> delegations.answer("99999999", id, true, null), 404, "No delegation " + id);
            assertProblem(() -> delegations.answer(IMPORTER, id, true, null), 403, "Only broker " + BROKER);
            assertThat(delegations.answer(BROKER, id, false, "Not our client").state()).isEqualTo(Delegation.State.REFUSED);
            assertProblem(() -> delegations.answer(BROKER, id, true, null), 409, "REFUSED already");
            assertProblem(() -> delegations.revoke(BROKER, id), 403, "Only importer " + IMPORTER);
            assertProblem(() -> delegations.revoke(IMPORTER, id), 409, "only an OFFERED or ACCEPTED");
            assertThat(delegations.list(BROKER, "broker")).extracting(Delegation::note).containsExactly("Not our client");
            assertThat(delegations.list(BROKER, "importer")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.onewindow.store.TestDatabases#kinds")
    void aDeadMailServerNeverFailsTheDelegationAndItsNoticeIsSentOnceTheServerIsBack(String kind) throws Exception {
        int port = FreePorts.next();
        try (Database database = TestDatabases.open(kind, dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            NoticeStore notices = new NoticeStore(jdbc, Clock.systemUTC());
            DelegationSettings settings = settings(true, port);
            Delegations delegations = new Delegations(jdbc, new DelegationStore(jdbc, Clock.systemUTC()),
                    new DelegationNotices(notices, contacts(), true), settings, Clock.systemUTC());
            SendDelegationNotices sender = new SendDelegationNotices(notices, new SmtpMailer(settings), 3);

            Delegation d = grant(delegations, "{\"broker\": \"" + BROKER + "\", \"scope\": \"DECLARATION\", "
                    + "\"declarationNo\": \"AA  14K7300102\"}");
            Delegation unknown = grant(delegations, "{\"broker\": \"77777777\", \"scope\": \"DECLARATION\", "
                    + "\"declarationNo\": \"AA  14K7300102\"}");
            assertThat(sender.sendPending()).as("nothing listens on port " + port).isZero();
            assertThat(delegations.visible(IMPORTER, d.id()).state()).isEqualTo(Delegation.State.OFFERED);
            assertThat(notices.states(d.id())).containsExactly(BROKER + ":PENDING");
            assertThat(notices.states(unknown.id())).containsExactly("77777777:NO_ADDRESS");

            GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.port(port));
            smtp.start();
            try {
                assertThat(sender.sendPending()).isEqualTo(1);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("desk@k73-broker.example");
                assertThat(notices.states(d.id())).containsExactly(BROKER + ":SENT");
                assertThat(sender.sendPending()).as("sent once").isZero();
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void aNoticeIsFailedForGoodAfterItsLastAttempt() throws Exception {
        try (Database database = TestDatabases.open("h2", dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            NoticeStore notices = new NoticeStore(jdbc, Clock.systemUTC());
            String delegationId = UUID.randomUUID().toString();
            notices.add(delegationId, BROKER, "desk@k73-broker.example", "subject", "body");
            SendDelegationNotices sender = new SendDelegationNotices(notices, new SmtpMailer(settings(true, FreePorts.next())), 2);
            sender.sendPending();
            assertThat(notices.states(delegationId)).containsExactly(BROKER + ":PENDING");
            sender.sendPending();
            assertThat(notices.states(delegationId)).containsExactly(BROKER + ":FAILED");
            assertThat(notices.pending(10)).isEmpty();
        }
    }

    private static Delegations delegations(Database database, boolean mail) {
        Jdbc jdbc = new Jdbc(database.dataSource());
        return new Delegations(jdbc, new DelegationStore(jdbc, Clock.systemUTC()),
                new DelegationNotices(new NoticeStore(jdbc, Clock.systemUTC()), contacts(), mail), settings(mail, 25),
                Clock.systemUTC());
    }

    private static PartyContacts contacts() {
        Map<String, String> emails = Map.of("12345675", "imports@formosa-gourmet.example",
                "16151437", "desk@k73-broker.example");
        return partyId -> Optional.ofNullable(emails.get(partyId));
    }

    private static DelegationSettings settings(boolean mail, int port) {
        var context = new DefaultCamelContext();
        java.util.Properties p = new java.util.Properties();
        p.setProperty("onewindow.mail.enabled", String.valueOf(mail));
        p.setProperty("onewindow.mail.host", "127.0.0.1");
        p.setProperty("onewindow.mail.port", String.valueOf(port));
        context.getPropertiesComponent().setInitialProperties(p);
        return DelegationSettings.from(context);
    }

    private static Delegation grant(Delegations delegations, String json) throws IOException {
        return delegations.grant(IMPORTER, GrantRequest.from(JSON.readTree(json)));
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertProblem(Call call, int status, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DelegationProblem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.getMessage()).contains(detail);
        });
    }
}
