package org.onewindow.conntest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionTestPlanTest {

    @Test
    void pairsAreReadWithAndWithoutAgency() {
        assertThat(TestPair.parse(" NX5105>NX901@CD ")).isEqualTo(new TestPair("NX5105", "NX901", "CD"));
        assertThat(TestPair.parse("NX5105>NX5106")).isEqualTo(new TestPair("NX5105", "NX5106", null));
        assertThat(TestPair.parse("NX5105>N5116@customs").toString()).isEqualTo("NX5105>N5116@customs");
    }

    @Test
    void aMalformedPairIsRefusedWithTheFormToWrite() {
        assertThatThrownBy(() -> TestPair.parse("NX5105 -> NX901"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MESSAGE>REPLY@AGENCY");
    }

    @Test
    void theDefaultListCoversEveryAgencysReceiptAndResultTheMergedAcknowledgementAndRelease() {
        assertThat(ConnectionTestPlan.parse(ConnectionTestPlan.DEFAULT)).extracting(TestPair::toString).containsExactly(
                "NX5105>NX5106", "NX5105>NX901@CD", "NX5105>NX901@DN", "NX5105>NX901@VP",
                "NX5105>NX602@CD", "NX5105>NX302_DN@DN", "NX5105>NX402@VP", "NX5105>N5116@customs");
    }

    @Test
    void aPartyWithItsOwnListGetsItAndEveryOtherPartyTheStandardOne() {
        List<TestPair> standard = ConnectionTestPlan.parse(ConnectionTestPlan.DEFAULT);
        List<TestPair> food = ConnectionTestPlan.parse("NX601>NX901@CD, NX601>NX602@CD");
        Map<String, String> settings = Map.of("onewindow.connection-test.pairs.24536806", "NX601>NX901@CD, NX601>NX602@CD");
        ConnectionTestPlan plan = new ConnectionTestPlan(standard, key -> Optional.ofNullable(settings.get(key)));
        assertThat(plan.of("24536806")).isEqualTo(food);
        assertThat(plan.of("12345675")).isEqualTo(standard);
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> new ConnectionTestPlan(List.of(), key -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        ConnectionTestPlan plan = new ConnectionTestPlan(ConnectionTestPlan.parse(ConnectionTestPlan.DEFAULT),
                key -> Optional.of(" , "));
        assertThatThrownBy(() -> plan.of("24536806")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onewindow.connection-test.pairs.24536806 lists no pair");
    }
}
