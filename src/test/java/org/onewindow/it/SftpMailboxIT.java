package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP mailboxes with OpenSSH's {@code sftp} as the back office: a party logs in with the SSH key an admin registered
 * for it, uploads a signed declaration to {@code inbox/}, finds the merged acknowledgement in {@code outbox/} and its
 * upload in {@code archive/}; it cannot see another party's mailbox; an unregistered key cannot log in; a party that
 * chose SFTP for its replies gets them there whatever channel it sent on.
 */
class SftpMailboxIT extends SharedHub {
    private static final Pattern REPLY_FILE = Pattern.compile("(NX5106|NX903)-[0-9a-f-]{36}\\.xml");
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    /** The importer of the sample declaration, and another trader. */
    private static final String IMPORTER = "24536806";
    private static final String OTHER = "12345675";

    @TempDir
    static Path work;
    private static final SampleDeclaration SAMPLES = new SampleDeclaration(60010);

    @Test
    void aPartyUploadsASignedDeclarationWithOpenSshAndDownloadsTheMergedAcknowledgementFromItsOutbox() throws Exception {
        Path key = registeredKey(IMPORTER);
        String number = SAMPLES.nextNumber();
        Files.write(work.resolve("declaration.xml"), HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(number)));

        OpenSsh.Run upload = OpenSsh.sftp(work, key, hub.sftpPort, IMPORTER, "put declaration.xml inbox/declaration-" + number.replace(" ", "") + ".xml");
        assertThat(upload.exitCode()).as(upload.output()).isZero();

        String reply = awaitOutboxFile(key, IMPORTER, "NX5106", number);
        assertThat(reply).contains("<ID>" + number + "</ID>");
        OpenSsh.Run archive = OpenSsh.sftp(work, key, hub.sftpPort, IMPORTER, "ls archive", "ls inbox");
        assertThat(archive.output()).contains("archive/declaration-" + number.replace(" ", "") + ".xml").doesNotContain("inbox/declaration");

        JsonNode declarationCase = client.get("/api/v1/declarations/" + number.replace(" ", "%20"));
        assertThat(declarationCase.toString()).contains("\"channel\":\"SFTP\"");
    }

    @Test
    void aPartyCannotSeeOrTouchAnotherPartysMailbox() throws Exception {
        registeredKey(IMPORTER);
        Path otherKey = registeredKey(OTHER);
        Files.writeString(work.resolve("intruder.xml"), "<x/>");

        OpenSsh.Run list = OpenSsh.sftp(work, otherKey, hub.sftpPort, OTHER, "ls /" + IMPORTER + "/outbox");
        assertThat(list.exitCode()).isNotZero();
        assertThat(list.output()).containsIgnoringCase("not found");
        OpenSsh.Run climb = OpenSsh.sftp(work, otherKey, hub.sftpPort, OTHER, "put intruder.xml ../" + IMPORTER + "/inbox/intruder.xml");
        assertThat(climb.exitCode()).isNotZero();
        OpenSsh.Run asOther = OpenSsh.sftp(work, otherKey, hub.sftpPort, IMPORTER, "ls outbox");
        assertThat(asOther.exitCode()).as("key of " + OTHER + " logging in as " + IMPORTER).isNotZero();
        assertThat(asOther.output()).contains("Permission denied");
        assertThat(dataDir.resolve("sftp/home/" + IMPORTER + "/inbox/intruder.xml")).doesNotExist();

        Path stranger = OpenSsh.keygen(work, "stranger");
        OpenSsh.Run unregistered = OpenSsh.sftp(work, stranger, hub.sftpPort, OTHER, "ls");
        assertThat(unregistered.exitCode()).isNotZero();
        assertThat(unregistered.output()).contains("Permission denied");
    }

    @Test
    void aDeclarationSignedByAnotherPartyThanTheSshUserIsRefusedWithT307InTheUploadersOutbox() throws Exception {
        Path otherKey = registeredKey(OTHER);
        String number = SAMPLES.nextNumber();
        Files.write(work.resolve("foreign.xml"), HubClient.sign(client.party(IMPORTER), SampleDeclaration.withNumber(number)));

        assertThat(OpenSsh.sftp(work, otherKey, hub.sftpPort, OTHER, "put foreign.xml inbox/foreign.xml").exitCode()).isZero();

        assertThat(awaitOutboxFile(otherKey, OTHER, "NX903", "T307")).contains("T307");
    }

    @Test
    void aPartyThatChoseSftpGetsItsRepliesThereAlthoughItSentOverHttp() throws Exception {
        String party = client.party("sftp-chooser").partyId();
        client.delegateSampleImporters("sftp-chooser");
        assertThat(client.call("PUT", "/api/v1/admin/parties/" + party, TestParties.OPERATOR, "{\"replyChannel\": \"SFTP\"}").status())
                .isEqualTo(200);
        Path key = registeredKey(party);
        String number = SAMPLES.nextNumber();

        assertThat(client.post(SampleDeclaration.withNumber(number), "application/xml", "sftp-chooser").status()).isEqualTo(202);

        assertThat(awaitOutboxFile(key, party, "NX5106", number)).contains("<ID>" + number + "</ID>");
    }

    @Test
    void sshKeysAreManagedByAdminsOnlyAndAudited() throws Exception {
        Path key = OpenSsh.keygen(work, "audited");
        assertThat(client.call("POST", "/api/v1/admin/parties/" + OTHER + "/ssh-keys", OTHER, null).status()).isEqualTo(403);
        JsonNode added = addKey(OTHER, OpenSsh.publicKey(key));
        assertThat(added.get("fingerprint").asText()).startsWith("SHA256:");
        assertThat(addKeyStatus(OTHER, "ssh-rsa not-base64")).isEqualTo(400);
        assertThat(addKeyStatus(IMPORTER, OpenSsh.publicKey(key))).as("a key logs in as one party only").isEqualTo(400);

        String keyId = added.get("keyId").asText();
        JsonNode keys = client.get("/api/v1/admin/parties/" + OTHER + "/ssh-keys");
        assertThat(keys.toString()).contains(keyId);
        assertThat(client.call("DELETE", "/api/v1/admin/parties/" + OTHER + "/ssh-keys/" + keyId, TestParties.OPERATOR, null).status())
                .isEqualTo(204);
        assertThat(client.get("/api/v1/admin/parties/" + OTHER + "/ssh-keys").toString()).doesNotContain(keyId);
        assertThat(OpenSsh.sftp(work, key, hub.sftpPort, OTHER, "ls").exitCode()).as("removed key").isNotZero();
        String audit = client.get("/api/v1/admin/parties/" + OTHER).get("audit").toString();
        assertThat(audit).contains("ADD_SSH_KEY").contains("REMOVE_SSH_KEY").contains("\"actor\":\"operator\"");
    }

    /** A fresh key for the party, registered through the admin API; returns the private key file. */
    private static Path registeredKey(String party) throws Exception {
        Path key = OpenSsh.keygen(work, "key-" + party + "-" + System.nanoTime());
        addKey(party, OpenSsh.publicKey(key));
        return key;
    }

    private static JsonNode addKey(String party, String publicKey) throws Exception {
        return new TestParties(hub).call("POST", "/api/v1/admin/parties/" + party + "/ssh-keys", client.party(TestParties.OPERATOR).token(),
                "text/plain", publicKey, 201);
    }

    private static int addKeyStatus(String party, String publicKey) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.baseUrl() + "/api/v1/admin/parties/" + party + "/ssh-keys"))
                .header("Authorization", "Bearer " + client.party(TestParties.OPERATOR).token())
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(publicKey)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Polls the party's outbox with sftp until a reply of the type containing {@code text} is there; downloads it. */
    private static String awaitOutboxFile(Path key, String party, String type, String text) throws Exception {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            OpenSsh.Run list = OpenSsh.sftp(work, key, hub.sftpPort, party, "ls -1 outbox");
            Matcher m = REPLY_FILE.matcher(list.output());
            while (m.find()) {
                if (!m.group(1).equals(type)) {
                    continue;
                }
                Path local = work.resolve("got-" + m.group());
                OpenSsh.Run get = OpenSsh.sftp(work, key, hub.sftpPort, party, "get outbox/" + m.group() + " " + local.getFileName());
                assertThat(get.exitCode()).as(get.output()).isZero();
                String body = Files.readString(local);
                if (body.contains(text)) {
                    return body;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No " + type + " with " + text + " in the SFTP outbox of " + party + " within " + REPLY_WAIT);
    }

}
