package org.onewindow.as2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.component.as2.api.AS2MessageStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.infra.Database;
import org.onewindow.party.Certificates;
import org.onewindow.party.PartyAdministration;
import org.onewindow.party.PartyAdministration.Details;
import org.onewindow.party.PartyKind;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;
import org.onewindow.store.TestDatabases;
import org.onewindow.trust.DemoCertificateAuthority;
import org.onewindow.trust.KeyMaterial;
import org.onewindow.trust.KeyType;

/** AS2 agreements on the real (H2) registry: defaults, the checks that say what to fix, the audit, the send structure. */
class As2AgreementsTest {
    private static final DemoCertificateAuthority CA = DemoCertificateAuthority.create("CN=test CA", KeyType.EC_P256,
            Duration.ofDays(1));

    @TempDir
    Path dataDir;

    @Test
    void anAgreementTakesThePartysCertificateAndIsAudited() throws Exception {
        try (Database database = TestDatabases.open("h2", dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            PartyStore parties = new PartyStore(jdbc, Clock.systemUTC());
            PartyAdministration administration = new PartyAdministration(jdbc, parties, Clock.systemUTC());
            administration.register("operator", "16151437", PartyKind.BROKER, new Details("Broker", "K73", null, null, null, null));
            administration.register("operator", "12345675", PartyKind.TRADER, new Details("Trader", null, null, null, null, null));
            KeyMaterial ec = CA.issue("CN=16151437", KeyType.EC_P256, Duration.ofDays(1));
            administration.addCertificate("operator", "16151437", ec.certificate());
            As2AgreementStore store = new As2AgreementStore(jdbc);
            As2Agreements agreements = new As2Agreements(jdbc, parties, store, Clock.systemUTC());

            As2Agreement set = agreements.set("operator", "16151437",
                    new As2Agreements.Terms("BROKER-K73", null, "http://broker.example:4080/receive", null, null, true, null));
            assertThat(set.certificate()).isEqualTo(ec.certificate());
            assertThat(set.signed()).isTrue();
            assertThat(set.encrypted()).isFalse();
            assertThat(set.mdnMode()).isEqualTo(As2Agreement.MdnMode.SYNC);
            assertThat(store.byAs2Id("BROKER-K73")).hasValueSatisfying(a -> assertThat(a.partyId()).isEqualTo("16151437"));
            assertThat(parties.auditTrail("16151437")).anyMatch(e -> e.action().equals("SET_AS2_AGREEMENT")
                    && e.actor().equals("operator") && e.after().contains("BROKER-K73"));

            assertThatThrownBy(() -> agreements.set("operator", "16151437",
                    new As2Agreements.Terms("BROKER-K73", null, null, null, true, null, null)))
                    .hasMessageContaining("encrypted AS2 needs an RSA certificate");
            assertThatThrownBy(() -> agreements.set("operator", "12345675",
                    new As2Agreements.Terms("BROKER-K73", Certificates.toPem(ec.certificate()), null, null, null, null, null)))
                    .hasMessageContaining("belongs to party 16151437");
            assertThatThrownBy(() -> agreements.set("operator", "12345675",
                    new As2Agreements.Terms("two words", Certificates.toPem(ec.certificate()), null, null, null, null, null)))
                    .hasMessageContaining("as2Id");
            assertThatThrownBy(() -> agreements.set("operator", "12345675", new As2Agreements.Terms("TRADER", null, null, null,
                    null, null, null))).hasMessageContaining("no registered certificate");
            assertThatThrownBy(() -> agreements.set("operator", "16151437", new As2Agreements.Terms("BROKER-K73", null,
                    "ftp://broker.example/in", null, null, null, null))).hasMessageContaining("replyUrl");

            agreements.remove("operator", "16151437");
            assertThat(store.ofParty("16151437")).isEmpty();
            assertThat(parties.auditTrail("16151437")).anyMatch(e -> e.action().equals("REMOVE_AS2_AGREEMENT"));
        }
    }

    @Test
    void theSendStructureFollowsTheAgreement() {
        assertThat(DeliverAs2.structure(terms(true, false, false))).isEqualTo(AS2MessageStructure.SIGNED);
        assertThat(DeliverAs2.structure(terms(true, true, false))).isEqualTo(AS2MessageStructure.SIGNED_ENCRYPTED);
        assertThat(DeliverAs2.structure(terms(true, false, true))).isEqualTo(AS2MessageStructure.SIGNED_COMPRESSED);
        assertThat(DeliverAs2.structure(terms(true, true, true))).isEqualTo(AS2MessageStructure.ENCRYPTED_SIGNED_COMPRESSED);
        assertThat(DeliverAs2.structure(terms(false, false, false))).isEqualTo(AS2MessageStructure.PLAIN);
    }

    private static As2Agreement terms(boolean signed, boolean encrypted, boolean compressed) {
        return new As2Agreement("16151437", "BROKER-K73", CA.certificate(), null, signed, encrypted, compressed,
                As2Agreement.MdnMode.SYNC, null);
    }
}
