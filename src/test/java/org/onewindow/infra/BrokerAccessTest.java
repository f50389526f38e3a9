package org.onewindow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.junit.jupiter.api.Test;

/** The queue permissions of the broker logins; logging in against the party registry is covered by AmqpIT. */
class BrokerAccessTest {
    private final BrokerAccess access = new BrokerAccess(false);

    @Test
    void aTraderSendsToTheInboundQueueAndReadsOnlyItsOwnOutboundQueue() {
        Subject trader = login("24536806", "TRADER");
        assertThat(access.authorize(trader, Set.of(), CheckType.SEND, "onewindow.inbound")).isTrue();
        assertThat(access.authorize(trader, Set.of(), CheckType.CONSUME, "onewindow.outbound.24536806")).isTrue();
        assertThat(access.authorize(trader, Set.of(), CheckType.CREATE_DURABLE_QUEUE, "onewindow.outbound.24536806::onewindow.outbound.24536806"))
                .isTrue();
        assertThat(access.authorize(trader, Set.of(), CheckType.CONSUME, "onewindow.outbound.12345675")).isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.CONSUME, "onewindow.outbound.12345675::onewindow.outbound.24536806"))
                .isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.SEND, "agency.customs")).isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.SEND, "onewindow.agency.replies")).isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.CONSUME, "onewindow.inbound")).isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.MANAGE, "activemq.management")).isFalse();
        assertThat(access.authorize(trader, Set.of(), CheckType.DELETE_DURABLE_QUEUE, "onewindow.outbound.24536806")).isFalse();
    }

    @Test
    void anAgencyAlsoReadsItsAgencyQueueAndAnswersOnTheRepliesQueue() {
        Subject agency = login("CD", "AGENCY");
        assertThat(access.authorize(agency, Set.of(), CheckType.CONSUME, "agency.CD")).isTrue();
        assertThat(access.authorize(agency, Set.of(), CheckType.SEND, "onewindow.agency.replies")).isTrue();
        assertThat(access.authorize(agency, Set.of(), CheckType.CONSUME, "agency.DN")).isFalse();
    }

    @Test
    void theHubsOwnUserLogsInWithItsPasswordOnlyAndMayDoEverything() {
        assertThat(access.authenticate(BrokerAccess.HUB_USER, "guess", null, null)).isNull();
        Subject hub = access.authenticate(BrokerAccess.HUB_USER, access.hubPassword(), null, null);
        assertThat(access.authorize(hub, Set.of(), CheckType.CONSUME, "agency.customs")).isTrue();
        assertThat(access.speaksForAnyParty(BrokerAccess.HUB_USER)).isTrue();
    }

    @Test
    void withoutCredentialsNobodyGetsInUnlessAnonymousAccessIsOn() {
        assertThat(access.authenticate(null, null, null, null)).isNull();
        Subject anonymous = new BrokerAccess(true).authenticate(null, null, null, null);
        assertThat(anonymous).isNotNull();
        assertThat(access.authorize(anonymous, Set.of(), CheckType.SEND, "agency.customs")).isTrue();
    }

    private static Subject login(String party, String kind) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(party));
        subject.getPrincipals().add(new RolePrincipal(kind));
        return subject;
    }
}
