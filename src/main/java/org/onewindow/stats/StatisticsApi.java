package org.onewindow.stats;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.onewindow.api.Caller;
import org.onewindow.api.JsonAnswer;
import org.onewindow.certificate.HubCertificates;

/**
 * The statistics REST API: traffic per party, day, message type and syntax as JSON and as CSV, the live clearance
 * counters, and a party's signed XML adoption report. A party sees only its own figures (another party's answer
 * 404); an admin sees everyone's, or one party's with {@code party=}. Bad parameters answer 400 saying what to fix.
 */
public final class StatisticsApi {
    private static final String CSV_HEADER = "day,party,messageType,syntax,received,accepted,rejected\r\n";

    private final TrafficStatistics traffic;
    private final LiveCounters live;
    private final AdoptionReport adoption;
    private final HubCertificates certificates;
    private final StatisticsSettings settings;
    private final Clock clock;

    public StatisticsApi(TrafficStatistics traffic, LiveCounters live, AdoptionReport adoption, HubCertificates certificates,
                         StatisticsSettings settings, Clock clock) {
        this.traffic = traffic;
        this.live = live;
        this.adoption = adoption;
        this.certificates = certificates;
        this.settings = settings;
        this.clock = clock;
    }

    /** GET /api/v1/statistics?from=&to=&party=: the rows as JSON. */
    public void statistics(Exchange exchange) {
        Query query = query(exchange);
        if (query == null) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TrafficRow row : rows(query)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("day", row.day().toString());
            json.put("party", row.party());
            json.put("messageType", row.messageType());
            json.put("syntax", row.syntax());
            json.put("received", row.received());
            json.put("accepted", row.accepted());
            json.put("rejected", row.rejected());
            rows.add(json);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("from", query.from().toString());
        answer.put("to", query.to().toString());
        answer.put("timeZone", settings.zone().getId());
        answer.put("party", query.party());
        answer.put("rows", rows);
        JsonAnswer.ok(exchange, answer);
    }

    /** GET /api/v1/statistics/csv?from=&to=&party=: the same rows as CSV (RFC 4180, a header line). */
    public void csv(Exchange exchange) {
        Query query = query(exchange);
        if (query == null) {
            return;
        }
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (TrafficRow row : rows(query)) {
            csv.append(row.day()).append(',').append(cell(row.party())).append(',').append(cell(row.messageType()))
                    .append(',').append(cell(row.syntax())).append(',').append(row.received()).append(',')
                    .append(row.accepted()).append(',').append(row.rejected()).append("\r\n");
        }
        JsonAnswer.file(exchange, "text/csv; charset=UTF-8", "onewindow-statistics-" + query.from() + "-" + query.to() + ".csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** GET /api/v1/statistics/live: the front page's counters over the live window (hub-wide, any authenticated caller). */
    public void live(Exchange exchange) {
        LiveCounters.Snapshot now = live.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("since", now.since().toString());
        answer.put("until", now.until().toString());
        answer.put("messages", now.messages());
        answer.put("declarations", now.declarations());
        JsonAnswer.ok(exchange, answer);
    }

    /** GET /api/v1/parties/{party}/adoption-report?go-live=YYYY-MM-DD: the signed adoption certificate (XML). */
    public void adoptionReport(Exchange exchange) {
        String party = exchange.getIn().getHeader("party", String.class);
        if (!Caller.of(exchange).mayRead(party)) {
            JsonAnswer.problem(exchange, 404, "Not found", "No adoption report of " + party + " for you: a party reads only its own");
            return;
        }
        String goLive = exchange.getIn().getHeader("go-live", String.class);
        if (goLive == null || goLive.isBlank()) {
            badRequest(exchange, "Name the go-live date: go-live=YYYY-MM-DD");
            return;
        }
        LocalDate day = date(exchange, "go-live", goLive, null);
        if (day == null) {
            return;
        }
        JsonAnswer.file(exchange, "application/xml", "adoption-" + party + "-" + day + ".xml",
                certificates.adoption(adoption.of(party, day)));
    }

    private List<TrafficRow> rows(Query query) {
        return traffic.daily(query.from(), query.to(), query.party());
    }

    /** What a statistics request asks for, checked; null when it was answered already (400, 404). */
    private Query query(Exchange exchange) {
        Caller caller = Caller.of(exchange);
        String party = exchange.getIn().getHeader("party", String.class);
        if (party != null && party.isBlank()) {
            party = null;
        }
        if (!caller.admin()) {
            if (party != null && !party.equals(caller.partyId())) {
                JsonAnswer.problem(exchange, 404, "Not found", "No statistics of " + party + " for you: a party reads only its own");
                return null;
            }
            party = caller.partyId();
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate to = date(exchange, "to", exchange.getIn().getHeader("to", String.class), today);
        if (to == null) {
            return null;
        }
        LocalDate from = date(exchange, "from", exchange.getIn().getHeader("from", String.class), to.minusDays(6));
        if (from == null) {
            return null;
        }
        if (from.isAfter(to)) {
            badRequest(exchange, "from (" + from + ") is after to (" + to + ")");
            return null;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > settings.maxDays()) {
            badRequest(exchange, "At most " + settings.maxDays() + " days per request; ask for " + from + " to "
                    + from.plusDays(settings.maxDays() - 1L) + " first");
            return null;
        }
        return new Query(from, to, party);
    }

    private record Query(LocalDate from, LocalDate to, String party) {
    }

    /** The date parameter, or {@code fallback} when it is absent; null after answering 400 when it is not a date. */
    private static LocalDate date(Exchange exchange, String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            badRequest(exchange, name + " must be a date like 2026-03-01, not '" + value + "'");
            return null;
        }
    }

    private static void badRequest(Exchange exchange, String detail) {
        JsonAnswer.problem(exchange, 400, "Bad request", detail);
    }

    /** A CSV cell: empty for none; quoted when it holds a comma, quote or line break. */
    private static String cell(String value) {
        String text = Objects.toString(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
