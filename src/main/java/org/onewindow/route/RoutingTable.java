package org.onewindow.route;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.config.CsvFile;

/**
 * The routing rules as data, read from {@value #RESOURCE}: which agency every declaration goes to
 * ({@code always}), which agency an item's import-regulation code names ({@code regulation}), and which
 * message type and queue each agency gets ({@code agency}). The file's comment block documents the columns.
 *
 * <p>The table is checked as it loads: unknown kinds, wrong column counts, duplicate codes, a message
 * type without a queue (or the reverse) and a regulation code naming an agency without an {@code agency}
 * row are rejected with the line number, so a broken table stops the hub at start-up, not mid-flow.
 * Immutable once read, and so safe to share between threads.
 */
public final class RoutingTable {
    /** Classpath location of the bundled table. */
    public static final String RESOURCE = "routing/routing-table.csv";

    private static final String HEADER = "kind,code,agency,message_type,queue";

    private final Map<String, List<AgencyRoute>> always = new LinkedHashMap<>();
    private final Map<String, String> agencyByRegulationCode = new LinkedHashMap<>();
    private final Map<String, AgencyRoute> routeByAgency = new LinkedHashMap<>();
    private List<AgencyRoute> agencies;

    private RoutingTable() {
    }

    /** The table bundled with the hub. */
    public static RoutingTable bundled() {
        InputStream in = RoutingTable.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Routing table " + RESOURCE + " is not on the classpath");
        }
        return read(in, RESOURCE);
    }

    /** Reads a table in the CSV format of {@value #RESOURCE}; {@code source} names it in error messages. */
    public static RoutingTable read(InputStream csv, String source) {
        return parse(CsvFile.readLines(csv, "routing table " + source), source);
    }

    static RoutingTable parse(List<String> lines, String source) {
        CsvFile file = CsvFile.of(lines);
        CsvFile.Line header = file.header().orElseThrow(() -> invalid(source, lines.size(), "no header line"));
        if (!header.text().equals(HEADER)) {
            throw invalid(source, header.number(), "expected the header '" + HEADER + "'");
        }
        RoutingTable table = new RoutingTable();
        Map<String, Integer> regulationLines = new LinkedHashMap<>();
        for (CsvFile.Line row : file.rows()) {
            int lineNo = row.number();
            String[] cols = row.text().split(",", -1);
            if (cols.length != 5) {
                throw invalid(source, lineNo, "expected 5 columns, found " + cols.length);
            }
            String kind = cols[0].strip();
            String code = cols[1].strip();
            String agency = cols[2].strip();
            AgencyRoute route = new AgencyRoute(agency, emptyToNull(cols[3]), emptyToNull(cols[4]));
            if (code.isEmpty() || agency.isEmpty()) {
                throw invalid(source, lineNo, "code and agency are required");
            }
            if ((route.messageType() == null) != (route.queue() == null)) {
                throw invalid(source, lineNo, "message_type and queue are both given or both empty");
            }
            switch (kind) {
                case "always" -> {
                    if (!route.routable()) {
                        throw invalid(source, lineNo, "an 'always' row needs a message type and a queue");
                    }
                    table.always.computeIfAbsent(code, k -> new ArrayList<>()).add(route);
                }
                case "regulation" -> {
                    if (route.messageType() != null) {
                        throw invalid(source, lineNo, "a 'regulation' row names an agency only; its 'agency' row says what it gets");
                    }
                    if (table.agencyByRegulationCode.putIfAbsent(code, agency) != null) {
                        throw invalid(source, lineNo, "regulation code " + code + " is listed twice");
                    }
                    regulationLines.put(code, lineNo);
                }
                case "agency" -> {
                    if (!code.equals(agency)) {
                        throw invalid(source, lineNo, "an 'agency' row repeats its agency code in 'code'");
                    }
                    if (table.routeByAgency.putIfAbsent(agency, route) != null) {
                        throw invalid(source, lineNo, "agency " + agency + " is listed twice");
                    }
                }
                default -> throw invalid(source, lineNo, "unknown kind '" + kind + "'");
            }
        }
        for (Map.Entry<String, String> e : table.agencyByRegulationCode.entrySet()) {
            if (!table.routeByAgency.containsKey(e.getValue())) {
                throw invalid(source, regulationLines.get(e.getKey()), "regulation code " + e.getKey()
                        + " names agency " + e.getValue() + ", which has no 'agency' row");
            }
        }
        table.agencies = List.copyOf(table.routeByAgency.values());
        return table;
    }

    /** The agencies that receive every declaration of this type unchanged (customs for NX5105). */
    public List<AgencyRoute> always(String declarationType) {
        return Collections.unmodifiableList(always.getOrDefault(declarationType, List.of()));
    }

    /** The agency an item's import-regulation code names, if the table knows the code. */
    public Optional<String> agencyForRegulationCode(String regulationCode) {
        return Optional.ofNullable(agencyByRegulationCode.get(regulationCode));
    }

    /** The route of an agency, if the table lists it; it may be known but not {@linkplain AgencyRoute#routable() routable}. */
    public Optional<AgencyRoute> agency(String agency) {
        return Optional.ofNullable(routeByAgency.get(agency));
    }

    /** The agency that receives this message type (a standalone NX601 goes to CD), if any. */
    public Optional<AgencyRoute> forMessageType(String messageType) {
        return routeByAgency.values().stream().filter(r -> messageType.equals(r.messageType())).findFirst();
    }

    /** Every agency row, in table order; derived messages follow this order. */
    public List<AgencyRoute> agencies() {
        return agencies;
    }

    private static String emptyToNull(String s) {
        String v = s.strip();
        return v.isEmpty() ? null : v;
    }

    private static IllegalStateException invalid(String source, int line, String why) {
        return new IllegalStateException("Routing table " + source + ", line " + line + ": " + why);
    }
}
