package org.onewindow.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Settings of the statistics, the live counters and the XML adoption report ({@code onewindow.statistics.*},
 * {@code onewindow.adoption.*}), each documented with its default in {@code application.properties}; the
 * defaults here apply only when a key is missing altogether.
 *
 * @param zone                 whose calendar days the statistics count in and the adoption window starts on
 * @param maxDays              the longest range one statistics request may cover, in days
 * @param liveWindow           how far back the live clearance counters look
 * @param adoptionThreshold    the XML share, in percent, a party must reach for the adoption certificate
 * @param adoptionWindowDays   how many days from the go-live date the adoption report counts
 */
public record StatisticsSettings(ZoneId zone, int maxDays, Duration liveWindow, BigDecimal adoptionThreshold,
                                 int adoptionWindowDays) {

    public static StatisticsSettings from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        return new StatisticsSettings(
                ZoneId.of(get(p, "onewindow.statistics.time-zone", "Asia/Taipei")),
                Integer.parseInt(get(p, "onewindow.statistics.max-days", "366")),
                Duration.parse(get(p, "onewindow.statistics.live-window", "PT1H")),
                new BigDecimal(get(p, "onewindow.adoption.threshold-percent", "50")),
                Integer.parseInt(get(p, "onewindow.adoption.window-days", "15")));
    }

    private static String get(PropertiesComponent p, String key, String fallback) {
        return p.resolveProperty(key).map(String::trim).orElse(fallback);
    }
}
