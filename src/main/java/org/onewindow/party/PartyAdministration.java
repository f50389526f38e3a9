package org.onewindow.party;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onewindow.store.Jdbc;

/**
 * Every change to the party registry — registering, changing details, adding or revoking a certificate,
 * issuing an API token — checked, applied and audited (who, when, the record before and after) in one
 * transaction. Invalid requests raise {@link IllegalArgumentException} with what to fix; unknown parties
 * {@link UnknownParty}.
 */
public final class PartyAdministration {
    private static final Pattern BUSINESS_ID = Pattern.compile("\\d{8}");
    private static final Pattern BOX_ID = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern OTHER_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Channels a party can ask its replies to come back on. */
    public static final Set<String> REPLY_CHANNELS = Set.of("HTTP", "JMS", "SFTP", "AS2", "SOAP");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final PartyStore parties;
    private final Clock clock;

    public PartyAdministration(Jdbc jdbc, PartyStore parties, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.clock = clock;
    }

    /** A party id that is not registered. */
    public static final class UnknownParty extends RuntimeException {
        public UnknownParty(String partyId) {
            super("No party " + partyId);
        }
    }

    /** What a caller asks a party to be; null fields of a change keep their current value. */
    public record Details(String name, String boxId, String email, String replyChannel, Boolean admin, Boolean active) {
    }

    public Party register(String actor, String partyId, PartyKind kind, Details details) {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: one of " + List.of(PartyKind.values()));
        }
        checkId(partyId, kind);
        return jdbc.inTransaction(() -> {
            if (parties.find(partyId).isPresent()) {
                throw new IllegalArgumentException("Party " + partyId + " is already registered; change it instead");
            }
            Party party = new Party(partyId, kind, null, null, null, null, false, true, clock.instant(), clock.instant());
            party = applied(party, details);
            parties.insert(party);
            parties.audit(partyId, actor, "REGISTER", null, json(party));
            return party;
        });
    }

    public Party change(String actor, String partyId, Details details) {
        return jdbc.inTransaction(() -> {
            Party before = parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            Party after = applied(before, details);
            parties.update(after);
            parties.audit(partyId, actor, "CHANGE", json(before), json(after));
            return after;
        });
    }

    public PartyCertificate addCertificate(String actor, String partyId, X509Certificate certificate) {
        PartyCertificate record = Certificates.describe(partyId, certificate);
        return jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            if (parties.certificate(record.fingerprint()).isPresent()) {
                throw new IllegalArgumentException("Certificate " + record.fingerprint() + " is already registered");
            }
            parties.addCertificate(record);
            parties.audit(partyId, actor, "ADD_CERTIFICATE", null, json(certificateView(record)));
            return record;
        });
    }

    public PartyCertificate revokeCertificate(String actor, String partyId, String fingerprint, String note) {
        return jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            PartyCertificate before = parties.certificate(fingerprint)
                    .filter(c -> c.partyId().equals(partyId))
                    .orElseThrow(() -> new IllegalArgumentException("Party " + partyId + " has no certificate " + fingerprint));
            if (!parties.revoke(fingerprint, clock.instant(), note)) {
                throw new IllegalArgumentException("Certificate " + fingerprint + " is already revoked");
            }
            PartyCertificate after = parties.certificate(fingerprint).orElseThrow();
            parties.audit(partyId, actor, "REVOKE_CERTIFICATE", json(certificateView(before)), json(certificateView(after)));
            return after;
        });
    }

    /** Issues a new API token (the old one stops working) and returns it; only its hash is kept. */
    public String issueToken(String actor, String partyId) {
        String token = ApiTokens.newToken();
        jdbc.inTransaction(() -> {
            parties.lock(partyId).orElseThrow(() -> new UnknownParty(partyId));
            parties.setTokenHash(partyId, ApiTokens.hash(token));
            parties.audit(partyId, actor, "ISSUE_TOKEN", null, "{\"token\":\"issued\"}");
            return null;
        });
        return token;
    }

    /** The JSON view of a party (API answers and audit records). */
    public static Map<String, Object> view(Party p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("partyId", p.partyId());
        v.put("kind", p.kind().name());
        v.put("name", p.name());
        v.put("boxId", p.boxId());
        v.put("email", p.email());
        v.put("replyChannel", p.replyChannel());
        v.put("admin", p.admin());
        v.put("active", p.active());
        v.put("createdAt", String.valueOf(p.createdAt()));
        v.put("updatedAt", String.valueOf(p.updatedAt()));
        return v;
    }

    /** The JSON view of a certificate record, without its PEM text. */
    public static Map<String, Object> certificateView(PartyCertificate c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fingerprint", c.fingerprint());
        v.put("subject", c.subject());
        v.put("serial", c.serial());
        v.put("notBefore", String.valueOf(c.notBefore()));
        v.put("notAfter", String.valueOf(c.notAfter()));
        v.put("revokedAt", c.revokedAt() == null ? null : String.valueOf(c.revokedAt()));
        v.put("revocationNote", c.revocationNote());
        return v;
    }

    private Party applied(Party p, Details d) {
        String name = d.name() != null ? d.name().strip() : p.name();
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("name is required, at most 200 characters");
        }
        String boxId = d.boxId() != null ? d.boxId().strip() : p.boxId();
        if (p.kind() == PartyKind.BROKER && (boxId == null || !BOX_ID.matcher(boxId).matches())) {
            throw new IllegalArgumentException("a broker needs boxId: the 3 characters (A–Z, 0–9) of its declaration numbers");
        }
        if (p.kind() != PartyKind.BROKER && boxId != null) {
            throw new IllegalArgumentException("only brokers have a boxId");
        }
        String email = d.email() != null ? d.email().strip() : p.email();
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email '" + email + "' is not an e-mail address");
        }
        String channel = d.replyChannel() != null ? d.replyChannel().strip().toUpperCase(java.util.Locale.ROOT) : p.replyChannel();
        if (channel != null && channel.isEmpty()) {
            channel = null;
        }
        if (channel != null && !REPLY_CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("replyChannel must be one of " + REPLY_CHANNELS + " or empty (reply on the channel used)");
        }
        boolean admin = d.admin() != null ? d.admin() : p.admin();
        boolean active = d.active() != null ? d.active() : p.active();
        return p.withDetails(name, boxId, email, channel, admin, active, clock.instant());
    }

    private static void checkId(String partyId, PartyKind kind) {
        boolean ok = switch (kind) {
            case TRADER, BROKER -> partyId != null && BUSINESS_ID.matcher(partyId).matches();
            case HUB -> "HUB".equals(partyId);
            default -> partyId != null && OTHER_ID.matcher(partyId).matches();
        };
        if (!ok) {
            throw new IllegalArgumentException(switch (kind) {
                case TRADER, BROKER -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + "'s partyId is its 8-digit business id";
                case HUB -> "the hub's partyId is HUB";
                default -> "partyId: 1–32 letters, digits, '.', '_' or '-'";
            });
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Party p ? view(p) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
