package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onewindow.party.Certificates;
import org.onewindow.schema.SecureXml;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;
import org.onewindow.trust.SignatureVerdict;
import org.onewindow.trust.VerifySignature;
import org.onewindow.trust.XmlSigner;
import org.w3c.dom.Document;

/**
 * Trust on the whole hub: only a correctly signed message of a registered, valid, unrevoked certificate of the
 * sending party is admitted; every other is refused with the NX903 code that says why and stored; everything
 * the hub sends verifies against its certificate; the API lets a party read only its own data and only admins
 * manage parties (audited); the message log detects an altered or deleted record.
 */
class TrustIT extends SharedHub {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    /** The importer of the sample declaration, and another trader. */
    private static final String IMPORTER = "24536806";
    private static final String OTHER_IMPORTER = "12345675";

    private static final SampleDeclaration SAMPLES = new SampleDeclaration(50010);

    @Test
    void aDeclarationSignedByTheImporterIsAdmittedAndEverythingTheHubSendsVerifiesAgainstItsCertificate() throws Exception {
        String number = SAMPLES.nextNumber();
        assertThat(client.post(SampleDeclaration.withNumber(number), "application/xml", IMPORTER).status()).isEqualTo(202);
        X509Certificate hubCertificate = KeyMaterial.fromPkcs12(dataDir.resolve("pki/hub.p12"), "changeit".toCharArray()).certificate();
        VerifySignature verifier = new VerifySignature();
        for (String type : List.of("NX5106", "N5116")) {
            HubClient.Received reply = awaitReply(IMPORTER, type);
            SignatureVerdict verdict = verifier.verify(parse(reply.body()));
            assertThat(verdict).as(type).isInstanceOf(SignatureVerdict.Verified.class);
            assertThat(((SignatureVerdict.Verified) verdict).signer()).as(type).isEqualTo(hubCertificate);
        }
    }

    @Test
    void unsignedTamperedForeignExpiredRevokedAndUnknownSignaturesAreRefusedWithTheirCode() throws Exception {
        TestParties.Credentials importer = client.party(IMPORTER);
        TestParties.Credentials other = client.party(OTHER_IMPORTER);

        assertRefused(importer.token(), SampleDeclaration.withNumber(SAMPLES.nextNumber()), "T301");

        String signed = new String(HubClient.sign(importer, SampleDeclaration.withNumber(SAMPLES.nextNumber())), StandardCharsets.UTF_8);
        assertRefused(importer.token(), signed.replace("<TypeCode>G1</TypeCode>", "<TypeCode>G2</TypeCode>")
                .getBytes(StandardCharsets.UTF_8), "T302");

        assertRefused(importer.token(), HubClient.sign(other, SampleDeclaration.withNumber(SAMPLES.nextNumber())), "T307");

        KeyMaterial ca = KeyMaterial.fromPkcs12(dataDir.resolve("pki/ca.p12"), "changeit".toCharArray());
        Instant now = Instant.now();
        KeyMaterial expired = new DemoCertificateAuthority(ca).issue("CN=" + IMPORTER, KeyType.EC_P256,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        register(IMPORTER, expired.certificate());
        assertRefused(importer.token(), signedWith(expired, SampleDeclaration.withNumber(SAMPLES.nextNumber())), "T305");

        KeyMaterial revoked = new DemoCertificateAuthority(ca).issue("CN=" + IMPORTER, KeyType.RSA_2048, Duration.ofDays(30));
        String fingerprint = register(IMPORTER, revoked.certificate());
        adminCall("POST", "/api/v1/admin/parties/" + IMPORTER + "/certificates/" + fingerprint + "/revoke",
                "{\"note\":\"key lost\"}", 200);
        assertRefused(importer.token(), signedWith(revoked, SampleDeclaration.withNumber(SAMPLES.nextNumber())), "T306");

        KeyMaterial stranger = DemoCertificateAuthority.create("CN=stranger", KeyType.EC_P256, Duration.ofDays(30)).material();
        assertRefused(importer.token(), signedWith(stranger, SampleDeclaration.withNumber(SAMPLES.nextNumber())), "T304");
    }

    @Test
    void aPartyReadsOnlyItsOwnDataAndOnlyAdminsManageParties() throws Exception {
        String number = SAMPLES.nextNumber();
        String hubId = client.post(SampleDeclaration.withNumber(number), "application/xml", IMPORTER).json().get("hubId").asText();
        awaitReply(IMPORTER, "NX5106");
        String declarationPath = "/api/v1/declarations/" + number.replace(" ", "%20");

        assertThat(client.getAs(IMPORTER, declarationPath, 200).get("declarationNo").asText()).isEqualTo(number);
        client.getAs(OTHER_IMPORTER, declarationPath, 404);
        client.getAs(IMPORTER, "/api/v1/messages/" + hubId, 200);
        client.getAs(OTHER_IMPORTER, "/api/v1/messages/" + hubId, 404);
        client.getAs(OTHER_IMPORTER, "/api/v1/parties/" + IMPORTER + "/messages", 404);
        client.getAs(IMPORTER, "/api/v1/admin/parties", 403);

        HubClient.Answer anonymous = client.postAs("not-a-token", SampleDeclaration.withNumber(SAMPLES.nextNumber()), "application/xml");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("title").asText()).isEqualTo("Authentication required");
    }

    @Test
    void theAdminApiRegistersAndChangesPartiesAndAuditsEveryChange() throws Exception {
        adminCall("POST", "/api/v1/admin/parties",
                "{\"partyId\":\"87654321\",\"kind\":\"TRADER\",\"name\":\"Harbour Foods\",\"email\":\"ops@harbour.example\"}", 201);
        adminCall("PUT", "/api/v1/admin/parties/87654321", "{\"email\":\"customs@harbour.example\",\"replyChannel\":\"jms\"}", 200);
        JsonNode problem = adminCall("POST", "/api/v1/admin/parties", "{\"partyId\":\"123\",\"kind\":\"BROKER\",\"name\":\"x\"}", 400);
        assertThat(problem.get("detail").asText()).contains("8-digit business id");

        JsonNode party = adminCall("GET", "/api/v1/admin/parties/87654321", "", 200);
        assertThat(party.get("email").asText()).isEqualTo("customs@harbour.example");
        assertThat(party.get("replyChannel").asText()).isEqualTo("JMS");
        JsonNode audit = party.get("audit");
        assertThat(audit).extracting(a -> a.get("action").asText()).containsExactly("REGISTER", "CHANGE");
        assertThat(audit).allMatch(a -> a.get("actor").asText().equals(TestParties.OPERATOR));
        assertThat(audit.get(1).get("before").asText()).contains("ops@harbour.example");
        assertThat(audit.get(1).get("after").asText()).contains("customs@harbour.example");
    }

    @Test
    void theMessageLogDetectsAnAlteredAndADeletedRecord() throws Exception {
        client.post(SampleDeclaration.withNumber(SAMPLES.nextNumber()), "application/xml", IMPORTER);
        awaitReply(IMPORTER, "NX5106");
        DataSource db = hub.bean("dataSource", DataSource.class);
        // the sealer links records into the chain once a second: the records tampered with below must be in it,
        // whichever of this class's tests ran before
        Poll.until("the importer's first two records sealed", REPLY_WAIT, () -> sealedPosition(db, 2) ? true : null);
        assertThat(adminCall("GET", "/api/v1/admin/message-log/verify", "", 200).get("intact").asBoolean()).isTrue();

        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("update message_body set body = X'3c782f3e' where hub_id = (select hub_id from message "
                    + "where chain_party = '" + IMPORTER + "' and chain_position = 1)");
        }
        JsonNode altered = adminCall("GET", "/api/v1/admin/message-log/verify", "", 200);
        assertThat(altered.get("intact").asBoolean()).isFalse();
        assertThat(altered.get("problems").toString()).contains("party " + IMPORTER + " position 1").contains("altered");

        try (var connection = db.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from message where chain_party = '" + IMPORTER + "' and chain_position = 2");
        }
        JsonNode deleted = adminCall("GET", "/api/v1/admin/message-log/verify", "", 200);
        assertThat(deleted.get("problems").toString()).contains("records 2–2 are missing");
    }

    private static boolean sealedPosition(DataSource db, int position) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(
                "select count(*) from message where chain_party = ? and chain_position = ?")) {
            statement.setString(1, IMPORTER);
            statement.setInt(2, position);
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    private static void assertRefused(String token, byte[] body, String code) throws Exception {
        HubClient.Answer answer = client.postAs(token, body, "application/xml");
        assertThat(answer.status()).as(code).isEqualTo(202);
        String hubId = answer.json().get("hubId").asText();
        HubClient.Received reply = awaitReply(IMPORTER, "NX903");
        assertThat(reply.body()).as(code).contains(code);
        JsonNode record = client.get("/api/v1/messages/" + hubId);
        assertThat(record.get("status").asText()).as(code).isEqualTo("REJECTED");
        assertThat(record.get("errorCode").asText()).as(code).isEqualTo(code);
    }

    private static HubClient.Received awaitReply(String party, String type) throws Exception {
        for (HubClient.Received reply = client.receive(party, REPLY_WAIT); reply != null; reply = client.receive(party, REPLY_WAIT)) {
            if (reply.messageType().equals(type)) {
                return reply;
            }
        }
        throw new AssertionError("No " + type + " for " + party + " within " + REPLY_WAIT);
    }

    private static String register(String party, X509Certificate certificate) throws Exception {
        return adminCall("POST", "/api/v1/admin/parties/" + party + "/certificates", Certificates.toPem(certificate), 201)
                .get("fingerprint").asText();
    }

    private static JsonNode adminCall(String method, String path, String body, int status) throws Exception {
        TestParties parties = new TestParties(hub);
        return parties.call(method, path, parties.operatorToken(), "application/json", body, status);
    }

    private static byte[] signedWith(KeyMaterial key, byte[] body) throws Exception {
        return new XmlSigner(key).signedBytes(parse(new String(body, StandardCharsets.UTF_8)));
    }

    private static Document parse(String xml) throws Exception {
        return SecureXml.documentBuilderFactory().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The sample declaration under a new declaration number, unsigned. */
}
