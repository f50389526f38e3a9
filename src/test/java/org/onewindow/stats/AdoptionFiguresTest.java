package org.onewindow.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdoptionFiguresTest {
    private static final LocalDate GO_LIVE = LocalDate.of(2026, 3, 1);

    private static AdoptionFigures figures(String threshold, long xml, long edi) {
        return new AdoptionFigures("16151437", GO_LIVE, GO_LIVE.plusDays(14), new BigDecimal(threshold), xml, edi);
    }

    @Test
    void halfIsEnoughAndJustUnderHalfIsNot() {
        assertThat(figures("50", 500, 500).reached()).isTrue();
        assertThat(figures("50", 500, 500).xmlSharePercent()).isEqualByComparingTo("50.00");
        assertThat(figures("50", 499, 501).reached()).isFalse();
        assertThat(figures("50", 499, 501).xmlSharePercent()).isEqualByComparingTo("49.90");
    }

    @Test
    void theShareShownIsRoundedDownSoItNeverClaimsTheThresholdItMissed() {
        AdoptionFigures justUnder = figures("50", 49_999, 50_001);
        assertThat(justUnder.reached()).isFalse();
        assertThat(justUnder.xmlSharePercent()).isEqualByComparingTo("49.99");
    }

    @Test
    void aDecimalThresholdIsComparedExactly() {
        assertThat(figures("66.6", 666, 334).reached()).isTrue();
        assertThat(figures("66.7", 666, 334).reached()).isFalse();
    }

    @Test
    void noAcceptedMessageReachesNothing() {
        assertThat(figures("0", 0, 0).reached()).isFalse();
        assertThat(figures("0", 0, 0).xmlSharePercent()).isEqualByComparingTo("0");
        assertThat(figures("50", 0, 0).total()).isZero();
    }
}
