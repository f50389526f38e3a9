package org.onewindow.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.camel.CamelContext;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.onewindow.party.ApiTokens;
import org.onewindow.party.Party;
import org.onewindow.party.PartyKind;
import org.onewindow.party.PartyStore;

/**
 * Who may connect to the embedded broker and use which queue, bound to the party registry. A party logs in with its
 * party id as user name and its API token as password (the same credential as the REST API, rotated with
 * {@code POST /api/v1/admin/parties/{party}/token}), and may then only
 * <ul>
 *   <li>send to {@code onewindow.inbound} (agencies also to {@code onewindow.agency.replies}),</li>
 *   <li>consume and browse its own {@code onewindow.outbound.<party>} (agencies also {@code agency.<code>}), which it
 *       may create on first use.</li>
 * </ul>
 * Parties with the admin role (operators) and the hub's own connection ({@link #HUB_USER}, with a password drawn at
 * every start and never written anywhere) may do everything. Without credentials a connection is refused, unless
 * {@code onewindow.broker.anonymous=true} lets it in with full rights (a trusted network only).
 */
public final class BrokerAccess implements ActiveMQSecurityManager5 {
    /** The hub's own user name: no party id can contain '@'. */
    public static final String HUB_USER = "hub@onewindow";
    /** The user an anonymous connection is given where anonymous access is allowed (Artemis insists on a user). */
    public static final String ANONYMOUS_USER = "anonymous@onewindow";
    private static final String FULL = "full";
    public static final String INBOUND = "onewindow.inbound";
    public static final String AGENCY_REPLIES = "onewindow.agency.replies";
    private static final String OUTBOUND_PREFIX = "onewindow.outbound.";
    private static final String AGENCY_PREFIX = "agency.";

    private final String hubPassword;
    private final boolean anonymous;
    private volatile PartyStore parties;

    /** Reads {@code onewindow.broker.anonymous} (default false). */
    public static BrokerAccess from(CamelContext context) {
        return new BrokerAccess(Boolean.parseBoolean(context.getPropertiesComponent().resolveProperty("onewindow.broker.anonymous")
                .map(String::trim).orElse("false")));
    }

    public BrokerAccess(boolean anonymous) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.hubPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.anonymous = anonymous;
    }

    /** Binds the party registry once the database is up; until then only the hub's own connection is let in. */
    public void useParties(PartyStore registry) {
        this.parties = registry;
    }

    public String hubPassword() {
        return hubPassword;
    }

    /** True when the broker user may speak for any party: the hub itself, an operator with the admin role, or anonymous. */
    public boolean speaksForAnyParty(String user) {
        return user == null || user.isEmpty() || HUB_USER.equals(user) || ANONYMOUS_USER.equals(user)
                || party(user).map(Party::admin).orElse(false);
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (user == null || user.isEmpty()) {
            return anonymous ? subject(ANONYMOUS_USER, FULL) : null;
        }
        if (HUB_USER.equals(user)) {
            return password != null && MessageDigest.isEqual(hubPassword.getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8)) ? subject(user, FULL) : null;
        }
        PartyStore registry = parties;
        if (registry == null || password == null || password.isEmpty()) {
            return null;
        }
        return registry.byTokenHash(ApiTokens.hash(password))
                .filter(p -> p.partyId().equals(user) && p.active())
                .map(p -> subject(p.partyId(), p.admin() ? FULL : p.kind().name()))
                .orElse(null);
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        String role = only(subject, RolePrincipal.class);
        if (FULL.equals(role)) {
            return true;
        }
        String party = only(subject, UserPrincipal.class);
        if (party == null || role == null || address == null) {
            return false;
        }
        // a fully qualified queue name is address::queue; the parties' queues are anycast queues named like their address
        String[] parts = address.split("::", 2);
        if (parts.length == 2 && !parts[0].equals(parts[1])) {
            return false;
        }
        String queue = parts[0];
        boolean agency = PartyKind.AGENCY.name().equals(role);
        boolean own = queue.equals(OUTBOUND_PREFIX + party) || (agency && queue.equals(AGENCY_PREFIX + party));
        switch (checkType) {
            case SEND:
                return queue.equals(INBOUND) || (agency && queue.equals(AGENCY_REPLIES));
            case CONSUME:
            case BROWSE:
            case CREATE_ADDRESS:
            case CREATE_DURABLE_QUEUE:
                return own;
            default:
                return false;
        }
    }

    /** Not used: Artemis asks {@link #authenticate} and {@link #authorize} of an {@link ActiveMQSecurityManager5}. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    /** Not used, see {@link #validateUser}. */
    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private Optional<Party> party(String user) {
        PartyStore registry = parties;
        return registry == null ? Optional.empty() : registry.find(user);
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }

    private static <T extends Principal> String only(Subject subject, Class<T> type) {
        if (subject == null) {
            return null;
        }
        return subject.getPrincipals(type).stream().map(Principal::getName).findFirst().orElse(null);
    }
}
