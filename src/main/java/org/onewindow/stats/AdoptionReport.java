package org.onewindow.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.onewindow.store.Jdbc;

/**
 * The XML adoption report of a party (the CPT paid brokers an incentive once XML reached half of their messages):
 * of the business messages it sent that the hub accepted in the window days from the go-live date (calendar days
 * of the statistics' zone), how many arrived in XML and how many in EDI (UN/EDIFACT). Production only; one
 * indexed query on (sender, received_at).
 */
public final class AdoptionReport {
    private static final String SQL = "select syntax, count(*) as accepted from message where sender = ? "
            + "and received_at >= ? and received_at < ? and direction = 'IN' and channel <> 'AGENCY' "
            + "and test_mode = false and status = 'ADMITTED' group by syntax";
    static final String XML = "XML";
    static final String EDI = "EDI";

    private final Jdbc jdbc;
    private final ZoneId zone;
    private final BigDecimal thresholdPercent;
    private final int windowDays;

    public AdoptionReport(Jdbc jdbc, ZoneId zone, BigDecimal thresholdPercent, int windowDays) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.thresholdPercent = thresholdPercent;
        this.windowDays = windowDays;
    }

    public AdoptionFigures of(String party, LocalDate goLive) {
        LocalDate end = goLive.plusDays(windowDays);
        long[] counts = new long[2];
        jdbc.query(SQL, rs -> {
            String syntax = rs.getString("syntax");
            counts[XML.equals(syntax) ? 0 : 1] += rs.getLong("accepted");
            return syntax;
        }, party, goLive.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
        return new AdoptionFigures(party, goLive, end.minusDays(1), thresholdPercent, counts[0], counts[1]);
    }
}
