package org.onewindow.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.util.List;
import org.onewindow.party.Certificates;
import org.onewindow.party.Party;
import org.onewindow.party.PartyAdministration;
import org.onewindow.party.PartyAdministration.Details;
import org.onewindow.party.PartyKind;
import org.onewindow.party.PartyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's signing identity and, in the demo, its parties' credentials. At start it loads the hub's key
 * ({@code onewindow.trust.hub-key}); at first start it creates one, issued by a local CA kept beside it, and
 * registers the hub (party {@code HUB}) with its certificate so everyone can verify what the hub signs. For
 * demo parties it issues a key and certificate (registered) and an API token, written under
 * {@code <data-dir>/demo/} as {@code <party>.p12} (password {@code changeit}), {@code <party>.pem} and
 * {@code <party>.token}.
 */
public final class HubCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(HubCredentials.class);
    public static final String HUB = "HUB";
    /** Password of the demo parties' key files: demo material only. */
    public static final String DEMO_PASSWORD = "changeit";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration KEY_VALIDITY = Duration.ofDays(730);

    private final TrustSettings settings;
    private final PartyStore parties;
    private final PartyAdministration administration;

    public HubCredentials(TrustSettings settings, PartyStore parties, PartyAdministration administration) {
        this.settings = settings;
        this.parties = parties;
        this.administration = administration;
    }

    /** The hub's key, created and registered at first start. */
    public KeyMaterial hubKey() {
        try {
            KeyMaterial hub;
            if (Files.exists(settings.hubKey())) {
                hub = KeyMaterial.fromPkcs12(settings.hubKey(), settings.hubKeyPassword().toCharArray());
            } else {
                Files.createDirectories(settings.hubKey().getParent());
                hub = localAuthority().issue("CN=" + HUB + ",O=OneWindow hub", settings.hubKeyType(), KEY_VALIDITY);
                hub.writePkcs12(settings.hubKey(), settings.hubKeyPassword().toCharArray());
                LOG.info("Created the hub's {} signing key in {}", settings.hubKeyType(), settings.hubKey());
            }
            registerHub(hub);
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the hub's key under " + settings.hubKey().getParent(), e);
        } catch (KeyMaterialException e) {
            throw new IllegalStateException("Cannot read the hub's key " + settings.hubKey() + ": " + e.getMessage(), e);
        }
    }

    /** Issues, registers and writes a key, certificate and API token for each of these demo parties. */
    public void issueDemoCredentials(List<Party> demoParties) {
        try {
            Files.createDirectories(settings.demoDir());
            DemoCertificateAuthority ca = localAuthority();
            for (Party party : demoParties) {
                KeyMaterial key = ca.issue("CN=" + party.partyId() + ",O=" + party.name().replace(',', ' '), KeyType.EC_P256,
                        KEY_VALIDITY);
                Path dir = settings.demoDir();
                key.writePkcs12(dir.resolve(party.partyId() + ".p12"), DEMO_PASSWORD.toCharArray());
                key.writeCertificatePem(dir.resolve(party.partyId() + ".pem"));
                administration.addCertificate(HUB, party.partyId(), key.certificate());
                writeToken(dir, party);
            }
            LOG.info("Demo credentials for {} parties are in {}", demoParties.size(), settings.demoDir().toAbsolutePath());
        } catch (IOException | KeyMaterialException e) {
            throw new IllegalStateException("Cannot write demo credentials under " + settings.demoDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Outside the demo: issues an API token for each bootstrapped admin (the operator's first way in) and writes
     * it to {@code <data-dir>/secrets/<party>.token}, readable by its owner only.
     */
    public void issueOperatorTokens(List<Party> registered) {
        Path dir = settings.dataDir().resolve("secrets");
        try {
            Files.createDirectories(dir);
            for (Party party : registered) {
                if (party.admin()) {
                    Path file = writeToken(dir, party);
                    file.toFile().setReadable(false, false);
                    file.toFile().setReadable(true, true);
                    LOG.warn("Issued the API token of admin {}: {} (keep it secret, issue new ones through the admin API)",
                            party.partyId(), file.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the operator's token under " + dir, e);
        }
    }

    /**
     * The HTTPS server's key at {@code file}: loaded, or at first start issued by the local CA for {@code hosts} (the
     * names clients connect to, which they check against the certificate).
     */
    public KeyMaterial httpsKey(Path file, String password, List<String> hosts) {
        try {
            if (Files.exists(file)) {
                return KeyMaterial.fromPkcs12(file, password.toCharArray());
            }
            Files.createDirectories(file.getParent());
            KeyMaterial key = localAuthority().issueServer("CN=" + hosts.get(0) + ",O=OneWindow hub", KeyType.EC_P256,
                    KEY_VALIDITY, hosts);
            key.writePkcs12(file, password.toCharArray());
            LOG.info("Created the HTTPS server key in {} for {}", file, hosts);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the HTTPS key " + file, e);
        } catch (KeyMaterialException e) {
            throw new IllegalStateException("Cannot read the HTTPS key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The local CA's certificate: the anchor of the hub's and the demo parties' certificates. */
    public X509Certificate localAuthorityCertificate() {
        try {
            return localAuthority().certificate();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local CA " + settings.caFile(), e);
        } catch (KeyMaterialException e) {
            throw new IllegalStateException("Cannot read the local CA " + settings.caFile() + ": " + e.getMessage(), e);
        }
    }

    private Path writeToken(Path dir, Party party) throws IOException {
        String token = administration.issueToken(HUB, party.partyId());
        return Files.writeString(dir.resolve(party.partyId() + ".token"), token + "\n", StandardCharsets.US_ASCII);
    }

    private DemoCertificateAuthority localAuthority() throws IOException, KeyMaterialException {
        Path file = settings.caFile();
        if (Files.exists(file)) {
            return new DemoCertificateAuthority(KeyMaterial.fromPkcs12(file, settings.hubKeyPassword().toCharArray()));
        }
        Files.createDirectories(file.getParent());
        DemoCertificateAuthority ca = DemoCertificateAuthority.create("CN=OneWindow local CA", KeyType.EC_P256, CA_VALIDITY);
        ca.material().writePkcs12(file, settings.hubKeyPassword().toCharArray());
        return ca;
    }

    private void registerHub(KeyMaterial key) {
        if (parties.find(HUB).isEmpty()) {
            administration.register(HUB, HUB, PartyKind.HUB, new Details("OneWindow hub", null, null, null, false, true));
        }
        if (parties.certificate(Certificates.fingerprint(key.certificate())).isEmpty()) {
            administration.addCertificate(HUB, HUB, key.certificate());
        }
    }
}
