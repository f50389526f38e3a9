package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delegation (委任) on the whole hub with a real SMTP server (GreenMail): importer 12345675 delegates to broker
 * 16151437 (box K73) one declaration (WJA01) and then all (WJA02); the broker is told by e-mail, accepts (WJA03),
 * and its declarations are admitted, while an undelegated broker's are refused with T310 and the reason. The
 * parties act through the header OneWindowPrincipal, as the hub's authentication sets it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegationIT {
    private static final String IMPORTER = "12345675";
    private static final String BROKER = "16151437";
    private static final String UNDELEGATED = "22222222";
    private static final String BROKER_MAIL = "desk@k73-broker.example";
    private static final String IMPORTER_MAIL = "imports@formosa-gourmet.example";
    private static final Path SAMPLE = Path.of("samples/NX5105/valid/food-liquor.xml");
    private static final String SAMPLE_NUMBER = "AA  14K7300102";
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final long MAIL_WAIT_MS = 20_000;

    @TempDir
    static Path dataDir;
    static GreenMail smtp;
    static TestHub hub;
    static HubClient client;
    static String perDeclaration;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Properties mail = new Properties();
        mail.setProperty("onewindow.mail.enabled", "true");
        mail.setProperty("onewindow.mail.host", "127.0.0.1");
        mail.setProperty("onewindow.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        mail.setProperty("onewindow.mail.from", "hub@onewindow.example");
        mail.setProperty("onewindow.mail.scan-ms", "200");
        hub = new TestHub(dataDir, mail).start();
        client = new HubClient(hub);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        hub.stop();
        smtp.stop();
    }

    @Test
    @Order(1)
    void theImporterGrantsOneDeclarationAndTheBrokerIsToldByEmail() throws Exception {
        HubClient.Answer granted = client.call("POST", "/api/v1/delegations", IMPORTER,
                "{\"broker\": \"" + BROKER + "\", \"scope\": \"DECLARATION\", \"declarationNo\": \"" + SAMPLE_NUMBER + "\"}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("state").asText()).isEqualTo("OFFERED");
        perDeclaration = granted.json().get("id").asText();

        MimeMessage mail = awaitMail(1, BROKER_MAIL);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(BROKER_MAIL);
        assertThat(mail.getSubject()).isEqualTo("Delegation from importer " + IMPORTER + ": declaration " + SAMPLE_NUMBER);
        assertThat(GreenMailUtil.getBody(mail)).contains(SAMPLE_NUMBER).contains("/api/v1/delegations/" + perDeclaration + "/answer");
    }

    @Test
    @Order(2)
    void onlyTheTwoPartiesSeeTheDelegation() throws Exception {
        assertThat(client.call("GET", "/api/v1/delegations/" + perDeclaration, UNDELEGATED, null).status()).isEqualTo(404);
        assertThat(client.call("GET", "/api/v1/delegations?as=broker", UNDELEGATED, null).json()).isEmpty();
        assertThat(client.call("GET", "/api/v1/delegations?as=importer", IMPORTER, null).json())
                .extracting(d -> d.get("id").asText()).containsExactly(perDeclaration);
        assertThat(client.call("GET", "/api/v1/delegations?as=broker", BROKER, null).json())
                .extracting(d -> d.get("id").asText()).containsExactly(perDeclaration);
        assertThat(client.call("GET", "/api/v1/delegations/" + perDeclaration, null, null).status()).isEqualTo(401);
        // the importer cannot answer for the broker; an outsider cannot even tell the delegation exists
        assertThat(client.call("POST", "/api/v1/delegations/" + perDeclaration + "/answer", IMPORTER, "{\"accept\": true}")
                .status()).isEqualTo(403);
        assertThat(client.call("POST", "/api/v1/delegations/" + perDeclaration + "/answer", UNDELEGATED, "{\"accept\": true}")
                .status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void theBrokerAcceptsOnceAndTheImporterIsTold() throws Exception {
        HubClient.Answer accepted = client.call("POST", "/api/v1/delegations/" + perDeclaration + "/answer", BROKER,
                "{\"accept\": true, \"note\": \"Glad to help\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("state").asText()).isEqualTo("ACCEPTED");
        HubClient.Answer again = client.call("POST", "/api/v1/delegations/" + perDeclaration + "/answer", BROKER,
                "{\"accept\": false}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("ACCEPTED already");

        MimeMessage mail = awaitMail(2, IMPORTER_MAIL);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(IMPORTER_MAIL);
        assertThat(mail.getSubject()).contains("accepted");
        assertThat(GreenMailUtil.getBody(mail)).contains(SAMPLE_NUMBER).contains("Glad to help");
    }

    @Test
    @Order(4)
    void theDelegatedBrokersDeclarationIsAdmitted() throws Exception {
        String body = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        HubClient.Received merged = firstReplyOfType(send(body, BROKER), BROKER, "NX5106");
        assertThat(merged.body()).contains(">Y<");
        awaitReleased(SAMPLE_NUMBER);
    }

    @Test
    @Order(5)
    void anUndelegatedBrokerIsRefusedWithTheReason() throws Exception {
        String other = SAMPLE_NUMBER.substring(0, 9) + "00201";
        String body = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace(SAMPLE_NUMBER, other);
        String hubId = send(body, UNDELEGATED);
        HubClient.Received refusal = firstReplyOfType(hubId, UNDELEGATED, "NX903");
        assertThat(refusal.body()).contains("<ValidationCode>T</ValidationCode>").contains("T310")
                .contains("Sender " + UNDELEGATED + " may not act for importer " + IMPORTER).contains("no delegation");
        JsonNode record = client.get("/api/v1/messages/" + hubId);
        assertThat(record.get("status").asText()).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).isEqualTo("T310");

        // the delegated broker, too, may act only for the declaration it was given
        String otherHubId = send(body, BROKER);
        assertThat(firstReplyOfType(otherHubId, BROKER, "NX903").body()).contains("T310")
                .contains("other declarations only (AA 14K7300102)"); // the NX903 text collapses blanks
    }

    @Test
    @Order(6)
    void aLongTermDelegationCoversAnotherDeclarationUntilItIsRevoked() throws Exception {
        HubClient.Answer tooLong = client.call("POST", "/api/v1/delegations", IMPORTER, "{\"broker\": \"" + BROKER
                + "\", \"scope\": \"LONG_TERM\", \"validUntil\": \"" + LocalDate.now().plusYears(2) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asText()).contains("at most P1Y");
        assertThat(client.call("POST", "/api/v1/delegations", IMPORTER,
                "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\"}").json().get("detail").asText()).contains("validUntil");

        LocalDate until = LocalDate.now().plusMonths(6);
        HubClient.Answer granted = client.call("POST", "/api/v1/delegations", IMPORTER,
                "{\"broker\": \"" + BROKER + "\", \"scope\": \"LONG_TERM\", \"validUntil\": \"" + until + "\"}");
        assertThat(granted.status()).isEqualTo(201);
        String longTerm = granted.json().get("id").asText();
        assertThat(GreenMailUtil.getBody(awaitMail(3, BROKER_MAIL))).contains("to " + until);
        assertThat(client.call("POST", "/api/v1/delegations/" + longTerm + "/answer", BROKER, "{\"accept\": true}").status())
                .isEqualTo(200);
        awaitMail(4, IMPORTER_MAIL);

        String other = SAMPLE_NUMBER.substring(0, 9) + "00301";
        String body = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace(SAMPLE_NUMBER, other);
        assertThat(firstReplyOfType(send(body, BROKER), BROKER, "NX5106").body()).contains(">Y<");
        awaitReleased(other);

        HubClient.Answer revoked = client.call("DELETE", "/api/v1/delegations/" + longTerm, IMPORTER, null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("state").asText()).isEqualTo("REVOKED");
        MimeMessage told = awaitMail(5, BROKER_MAIL);
        assertThat(told.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(BROKER_MAIL);
        assertThat(told.getSubject()).contains("revoked");
        assertThat(client.call("DELETE", "/api/v1/delegations/" + longTerm, IMPORTER, null).status()).isEqualTo(409);

        String third = SAMPLE_NUMBER.substring(0, 9) + "00302";
        String refused = send(Files.readString(SAMPLE, StandardCharsets.UTF_8).replace(SAMPLE_NUMBER, third), BROKER);
        assertThat(firstReplyOfType(refused, BROKER, "NX903").body()).contains("T310").contains("was revoked by the importer");
    }

    @Test
    @Order(7)
    void aDelegatedBrokerMustFileUnderItsOwnBox() throws Exception {
        String broker = client.party("OTHERBOX").partyId(); // a test broker registers with box K73
        client.delegateSampleImporters("OTHERBOX");
        HubClient.Answer moved = client.call("PUT", "/api/v1/admin/parties/" + broker, TestParties.OPERATOR, "{\"boxId\": \"Z99\"}");
        assertThat(moved.status()).as(moved.json().toString()).isEqualTo(200);

        String number = SAMPLE_NUMBER.substring(0, 9) + "00701"; // box K73: another broker's
        String hubId = send(Files.readString(SAMPLE, StandardCharsets.UTF_8).replace(SAMPLE_NUMBER, number), "OTHERBOX");
        assertThat(firstReplyOfType(hubId, "OTHERBOX", "NX903").body()).contains("T311")
                .contains("names box K73; broker " + broker + " files under box Z99");
        assertThat(client.get("/api/v1/messages/" + hubId).get("status").asText()).isEqualTo("REJECTED");
    }

    private static String send(String body, String sender) throws Exception {
        HubClient.Answer answer = client.post(body.getBytes(StandardCharsets.UTF_8), "application/xml", sender);
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("hubId").asText();
    }

    /** Reads the party's replies (agency receipts come first) until the first of this type about the declaration. */
    private static HubClient.Received firstReplyOfType(String hubId, String party, String type) throws Exception {
        String declarationNo = null;
        while (true) {
            HubClient.Received reply = client.receive(party, REPLY_WAIT);
            assertThat(reply).as("a " + type + " for " + hubId).isNotNull();
            if (declarationNo == null) {
                // the message's record names its declaration once admission has read it; a reply read before
                // that (one left from an earlier test) is not the one sought either
                JsonNode recorded = client.get("/api/v1/messages/" + hubId).get("declarationNo");
                declarationNo = recorded == null || recorded.isNull() ? null : recorded.asText();
            }
            if (declarationNo != null && reply.messageType().equals(type) && reply.body().contains(declarationNo)) {
                return reply;
            }
        }
    }

    /** Reads the broker's replies until the declaration's case is released and every agency has closed its part. */
    private static void awaitReleased(String declarationNo) throws Exception {
        while (true) {
            JsonNode view = client.get("/api/v1/declarations/" + declarationNo.replace(" ", "%20"));
            boolean closed = true;
            for (JsonNode agency : view.get("agencies")) {
                closed &= agency.get("state").asText().equals("CLOSED");
            }
            if (closed && view.get("state").asText().equals("RELEASED")) {
                return;
            }
            assertThat(client.receive(BROKER, REPLY_WAIT)).as(declarationNo + " is " + view.get("state")).isNotNull();
        }
    }

    /** Waits until the SMTP server holds this many mails in all; returns the newest one to this address. */
    private static MimeMessage awaitMail(int count, String to) throws Exception {
        assertThat(smtp.waitForIncomingEmail(MAIL_WAIT_MS, count)).as("%d mails", count).isTrue();
        assertThat(smtp.getReceivedMessages()).hasSize(count);
        MimeMessage newest = null;
        for (MimeMessage m : smtp.getReceivedMessages()) { // grouped by mailbox, each in arrival order
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                newest = m;
            }
        }
        assertThat(newest).as("a mail to " + to).isNotNull();
        return newest;
    }
}
