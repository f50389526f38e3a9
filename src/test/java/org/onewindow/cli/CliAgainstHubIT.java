package org.onewindow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.it.TestHub;

/** The CLI against the whole running hub, as the README tells a new user and an operator to use it. */
class CliAgainstHubIT {
    @TempDir
    static Path dataDir;
    private static TestHub hub;

    @BeforeAll
    static void startHub() {
        hub = new TestHub(dataDir, new Properties()).start();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
        System.clearProperty("onewindow.cli.token");
        System.clearProperty("onewindow.cli.key");
    }

    @Test
    void sendingASamplePrintsEveryReplyAsItArrives() throws Exception {
        // act as the demo importer: its API token, and its key to sign with
        System.setProperty("onewindow.cli.token", demoToken("12345675"));
        System.setProperty("onewindow.cli.key", dataDir.resolve("demo/12345675.p12").toString());
        Run run = cli("send", "--hub", hub.baseUrl(), "--wait", "3", "samples/NX5105/valid/food-liquor.xml");

        assertThat(run.exit()).as(run.err()).isZero();
        // no sender named: the hub names the importer, and the CLI follows that party's mailbox
        assertThat(run.out()).contains("sent samples/NX5105/valid/food-liquor.xml").contains("sender 12345675");
        assertThat(run.out()).contains("NX901 from CD").contains("NX901 from DN").contains("NX5106 Y").contains("NX602")
                .contains("NX302_DN").contains("N5116");
    }

    @Test
    void anOperatorManagesAPartyFromRegistrationToRevocation(@TempDir Path keys) throws Exception {
        String operator = demoToken("operator");
        Run registered = cli("parties", "register", "87654320", "--kind", "broker", "--name", "Harbour Brokers",
                "--box-id", "H12", "--email", "desk@harbour.example", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(json(registered).get("boxId").asText()).isEqualTo("H12");

        Path key = keys.resolve("harbour.p12");
        Run issued = cli("pki", "issue", "--ca", dataDir.resolve("pki/ca.p12").toString(), "--subject", "CN=Harbour Brokers",
                "--out", key.toString());
        assertThat(issued.exit()).as(issued.err()).isZero();
        Path pem = keys.resolve("harbour.pem");
        Run added = cli("parties", "add-certificate", "87654320", pem.toString(), "--hub", hub.baseUrl(), "--token", operator);
        assertThat(added.exit()).as(added.err()).isZero();
        String fingerprint = json(added).get("fingerprint").asText();

        Run token = cli("parties", "issue-token", "87654320", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(token.exit()).as(token.err()).isZero();
        String partyToken = json(token).get("token").asText();
        // the new party's token opens its own mailbox, and nothing of the registry
        Run notAdmin = cli("parties", "list", "--hub", hub.baseUrl(), "--token", partyToken);
        assertThat(notAdmin.exit()).isEqualTo(1);
        assertThat(notAdmin.err()).contains("403");

        Run changed = cli("parties", "change", "87654320", "--reply-channel", "jms", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(json(changed).get("replyChannel").asText()).isEqualTo("JMS");
        Run revoked = cli("parties", "revoke-certificate", "87654320", fingerprint, "--note", "key lost",
                "--hub", hub.baseUrl(), "--token", operator);
        assertThat(revoked.exit()).as(revoked.err()).isZero();

        Run shown = cli("parties", "show", "87654320", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(shown.exit()).as(shown.err()).isZero();
        JsonNode party = json(shown);
        assertThat(party.get("certificates").get(0).get("revokedAt").isNull()).as("revocation recorded").isFalse();
        assertThat(party.get("audit")).extracting(a -> a.get("actor").asText()).containsOnly("operator");
        assertThat(party.get("audit")).hasSizeGreaterThanOrEqualTo(5);

        Run refused = cli("parties", "register", "87654320", "--kind", "broker", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("87654320");
        Run bad = cli("parties", "register", "11111111", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--kind is required");

        Run log = cli("log", "verify", "--hub", hub.baseUrl(), "--token", operator);
        assertThat(log.exit()).as(log.out() + log.err()).isZero();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(Run run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    private static String demoToken(String party) throws Exception {
        return Files.readString(dataDir.resolve("demo/" + party + ".token")).strip();
    }
}
