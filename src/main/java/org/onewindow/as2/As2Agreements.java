package org.onewindow.as2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.onewindow.party.Certificates;
import org.onewindow.party.PartyAdministration.UnknownParty;
import org.onewindow.party.PartyCertificate;
import org.onewindow.party.PartyStore;
import org.onewindow.store.Jdbc;

/**
 * Sets and removes parties' AS2 agreements, checked and audited (who, when, before and after, in the party's audit
 * trail) in one transaction. Invalid requests raise {@link IllegalArgumentException} saying what to fix.
 *
 * <p>Without a certificate of its own the agreement takes the party's newest unrevoked registered certificate.
 * Encryption needs an RSA certificate: camel-as2 encrypts by RSA key transport only, so an EC certificate can sign
 * AS2 messages but not receive encrypted ones.
 */
public final class As2Agreements {
    /** RFC 4130 §6.2: an AS2 name is 1–128 printable ASCII characters (quoted when it holds spaces; we refuse those). */
    private static final Pattern AS2_NAME = Pattern.compile("[!#-~]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final PartyStore parties;
    private final As2AgreementStore agreements;
    private final Clock clock;

    public As2Agreements(Jdbc jdbc, PartyStore parties, As2AgreementStore agreements, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** What an admin asks for; null booleans take the defaults (signed, not encrypted, not compressed, SYNC MDN). */
    public record Terms(String as2Id, String certificatePem, String replyUrl, Boolean signed, Boolean encrypted,
                        Boolean compressed, String mdnMode) {
    }

    public As2Agreement set(String actor, String partyId, Terms terms) {
        return jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            As2Agreement before = agreements.ofParty(partyId).orElse(null);
            As2Agreement after = checked(partyId, terms);
            agreements.byAs2Id(after.as2Id()).filter(other -> !other.partyId().equals(partyId)).ifPresent(other -> {
                throw new IllegalArgumentException("AS2 name " + after.as2Id() + " belongs to party " + other.partyId());
            });
            agreements.save(after);
            parties.audit(partyId, actor, "SET_AS2_AGREEMENT", before == null ? null : json(before), json(after));
            return after;
        });
    }

    public void remove(String actor, String partyId) {
        jdbc.inTransaction(() -> {
            As2Agreement before = agreements.ofParty(partyId)
                    .orElseThrow(() -> new UnknownParty(partyId + " AS2 agreement"));
            agreements.delete(partyId);
            parties.audit(partyId, actor, "REMOVE_AS2_AGREEMENT", json(before), null);
            return null;
        });
    }

    /** The JSON view of an agreement (API answers and audit records), with the certificate's fingerprint, not its PEM. */
    public static Map<String, Object> view(As2Agreement a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("partyId", a.partyId());
        v.put("as2Id", a.as2Id());
        v.put("certificate", Certificates.fingerprint(a.certificate()));
        v.put("certificateSubject", a.certificate().getSubjectX500Principal().getName());
        v.put("replyUrl", a.replyUrl() == null ? null : a.replyUrl().toString());
        v.put("signed", a.signed());
        v.put("encrypted", a.encrypted());
        v.put("compressed", a.compressed());
        v.put("mdn", a.mdnMode().name());
        v.put("updatedAt", String.valueOf(a.updatedAt()));
        return v;
    }

    private As2Agreement checked(String partyId, Terms t) {
        if (t.as2Id() == null || !AS2_NAME.matcher(t.as2Id()).matches() || t.as2Id().contains("\"")) {
            throw new IllegalArgumentException("as2Id is required: 1–128 printable ASCII characters, no spaces or quotes");
        }
        X509Certificate certificate = t.certificatePem() != null && !t.certificatePem().isBlank()
                ? Certificates.fromPem(t.certificatePem())
                : registeredCertificate(partyId);
        boolean encrypted = Boolean.TRUE.equals(t.encrypted());
        if (encrypted && !"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
            throw new IllegalArgumentException("encrypted AS2 needs an RSA certificate (camel-as2 encrypts by RSA key transport);"
                    + " this one holds a " + certificate.getPublicKey().getAlgorithm() + " key");
        }
        URI replyUrl = null;
        if (t.replyUrl() != null && !t.replyUrl().isBlank()) {
            replyUrl = URI.create(t.replyUrl().strip());
            if (!"http".equals(replyUrl.getScheme()) && !"https".equals(replyUrl.getScheme()) || replyUrl.getHost() == null) {
                throw new IllegalArgumentException("replyUrl must be an http(s) URL with a host, like http://as2.example.com:4080/as2");
            }
        }
        As2Agreement.MdnMode mdn;
        try {
            mdn = As2Agreement.MdnMode.valueOf(t.mdnMode() == null ? "SYNC" : t.mdnMode().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mdn must be SYNC or ASYNC");
        }
        return new As2Agreement(partyId, t.as2Id(), certificate, replyUrl, !Boolean.FALSE.equals(t.signed()), encrypted,
                Boolean.TRUE.equals(t.compressed()), mdn, clock.instant());
    }

    private X509Certificate registeredCertificate(String partyId) {
        return parties.certificates(partyId).stream()
                .filter(c -> c.revokedAt() == null)
                .reduce((older, newer) -> newer)
                .map(PartyCertificate::pem)
                .map(Certificates::fromPem)
                .orElseThrow(() -> new IllegalArgumentException("party " + partyId
                        + " has no registered certificate: register one or give certificatePem"));
    }

    private static String json(As2Agreement a) {
        try {
            return JSON.writeValueAsString(view(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
