package org.onewindow.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A party's XML adoption over its window: accepted business messages in XML and in EDI from the go-live day to
 * the last day (both included), the XML share and whether it reaches the threshold. The verdict compares exact
 * counts ({@code xml × 100 ≥ threshold × total}); the share shown is rounded down to two decimals, so 49.999%
 * never reads as 50%. No accepted message at all does not reach any threshold.
 */
public record AdoptionFigures(String party, LocalDate goLive, LocalDate lastDay, BigDecimal thresholdPercent, long xml,
                              long edi) {

    public long total() {
        return xml + edi;
    }

    /** The XML share in percent, rounded down to two decimals; zero when nothing was accepted. */
    public BigDecimal xmlSharePercent() {
        if (total() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(xml).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total()), 2, RoundingMode.DOWN);
    }

    public boolean reached() {
        return total() > 0
                && BigDecimal.valueOf(xml).multiply(BigDecimal.valueOf(100))
                        .compareTo(thresholdPercent.multiply(BigDecimal.valueOf(total()))) >= 0;
    }
}
