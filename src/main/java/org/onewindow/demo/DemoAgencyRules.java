package org.onewindow.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.onewindow.config.CsvFile;
import org.onewindow.message.ParsedMessage;

/**
 * The demo agencies' rules as data, read once from {@value #RESOURCE} (or a tester's own file in the same
 * format): rows {@code agency,condition,outcome,text}; the first row whose agency and condition match the
 * received message decides what the demo agency answers. The file's comment block documents the columns.
 *
 * <p>The file is checked as it loads — the header, the agency, the condition's field and operator, and
 * that the outcome suits the agency (C1/C2/C3 are customs' only, INSPECT/FAIL the agencies' only) — and
 * a broken row is refused with its line number. When no row matches, the message is accepted.
 */
public final class DemoAgencyRules {
    /** Classpath location of the bundled rules. */
    public static final String RESOURCE = "demo/demo-agency-rules.csv";
    /** Agency code of customs, as the hub's routing table names it. */
    public static final String CUSTOMS = "customs";
    /** Agency codes of the agencies that receive applications. */
    public static final Set<String> AGENCIES = Set.of("CD", "DN", "VP");

    private static final String HEADER = "agency,condition,outcome,text";
    private static final String ALL = "*";
    private static final String ANY_AGENCY = "agencies";

    private final List<Rule> rules;

    private DemoAgencyRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The decision for one received message.
     *
     * @param outcome what to answer
     * @param items   the item sequence numbers the outcome is about: the matching items of an {@code item} or
     *                {@code hs} condition, else every item of the message
     * @param text    the rule's text, or the outcome's standard text
     * @param line    the rules line that decided, 0 when none matched
     */
    public record Decision(DemoOutcome outcome, List<Integer> items, String text, int line) {
        public Decision {
            items = List.copyOf(items);
        }
    }

    /** The rules bundled with the hub, loaded on first use. */
    public static DemoAgencyRules bundled() {
        return Bundled.RULES;
    }

    private static final class Bundled {
        static final DemoAgencyRules RULES = load();

        private static DemoAgencyRules load() {
            InputStream in = DemoAgencyRules.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("Demo agency rules " + RESOURCE + " are not on the classpath");
            }
            return read(in, RESOURCE);
        }
    }

    /** Rules from a file in the format of {@value #RESOURCE}. */
    public static DemoAgencyRules fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo agency rules " + file, e);
        }
    }

    /** Reads rules in the CSV format of {@value #RESOURCE}; {@code source} names them in error messages. */
    public static DemoAgencyRules read(InputStream csv, String source) {
        return parse(CsvFile.readLines(csv, "demo agency rules " + source), source);
    }

    static DemoAgencyRules parse(List<String> lines, String source) {
        CsvFile file = CsvFile.of(lines);
        CsvFile.Line header = file.header().orElseThrow(() -> invalid(source, 0, "no header '" + HEADER + "'"));
        if (!header.text().equals(HEADER)) {
            throw invalid(source, header.number(), "expected the header '" + HEADER + "'");
        }
        List<Rule> rules = new ArrayList<>();
        for (CsvFile.Line row : file.rows()) {
            int lineNo = row.number();
            String[] cols = row.text().split(",", 4);
            if (cols.length < 3) {
                throw invalid(source, lineNo, "expected the columns " + HEADER);
            }
            String agency = cols[0].strip();
            if (!agency.equals(ALL) && !agency.equals(ANY_AGENCY) && !agency.equals(CUSTOMS) && !AGENCIES.contains(agency)) {
                throw invalid(source, lineNo, "unknown agency '" + agency + "'; use customs, CD, DN, VP, agencies or *");
            }
            Condition condition = Condition.parse(cols[1].strip(), source, lineNo);
            DemoOutcome outcome;
            try {
                outcome = DemoOutcome.valueOf(cols[2].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(source, lineNo, "unknown outcome '" + cols[2].strip() + "'");
            }
            boolean customsRow = agency.equals(CUSTOMS) || agency.equals(ALL);
            boolean agencyRow = !agency.equals(CUSTOMS);
            if (customsRow && !outcome.forCustoms() || agencyRow && !outcome.forAgencies()) {
                throw invalid(source, lineNo, "outcome " + outcome + " does not apply to '" + agency + "'");
            }
            if (condition.field() == Field.REFERENCE && agency.equals(CUSTOMS)) {
                throw invalid(source, lineNo, "customs receives no application reference to match");
            }
            String text = cols.length == 4 ? cols[3].strip() : "";
            rules.add(new Rule(lineNo, agency, condition, outcome, text.isEmpty() ? outcome.standardText() : text));
        }
        return new DemoAgencyRules(rules);
    }

    /** The decision of the first rule for {@code agency} that matches {@code received}; accept when none does. */
    public Decision decide(String agency, ParsedMessage received) {
        return decide(Received.of(agency, received));
    }

    Decision decide(Received received) {
        for (Rule rule : rules) {
            if (!rule.appliesTo(received.agency())) {
                continue;
            }
            Optional<List<Integer>> items = rule.condition().match(received);
            if (items.isPresent()) {
                return new Decision(rule.outcome(), items.get(), rule.text(), rule.line());
            }
        }
        DemoOutcome accept = DemoOutcome.ACCEPT;
        return new Decision(accept, received.itemNumbers(), accept.standardText(), 0);
    }

    /** The rules in file order. */
    List<Rule> rules() {
        return rules;
    }

    private static IllegalStateException invalid(String source, int line, String why) {
        return new IllegalStateException("Demo agency rules " + source + (line > 0 ? " line " + line : "") + ": " + why);
    }

    /** One row of the file. */
    record Rule(int line, String agency, Condition condition, DemoOutcome outcome, String text) {
        boolean appliesTo(String code) {
            return switch (agency) {
                case ALL -> true;
                case ANY_AGENCY -> !CUSTOMS.equals(code);
                default -> agency.equals(code);
            };
        }
    }

    /** What a condition looks at in the received message. */
    enum Field {
        ALWAYS(null, false),
        DECLARATION(r -> List.of(nullToEmpty(r.declarationNo())), false),
        SERIAL(r -> List.of(serial(r.declarationNo())), false),
        IMPORTER(r -> List.of(nullToEmpty(r.importer())), false),
        REFERENCE(r -> List.of(nullToEmpty(r.reference())), false),
        ITEM(null, true),
        HS(null, true);

        private final Function<Received, List<String>> values;
        private final boolean perItem;

        Field(Function<Received, List<String>> values, boolean perItem) {
            this.values = values;
            this.perItem = perItem;
        }

        List<String> itemValues(Received.Item item) {
            return this == ITEM ? item.descriptions() : item.tariffCodes();
        }

        private static String nullToEmpty(String text) {
            return text == null ? "" : text;
        }

        private static String serial(String declarationNo) {
            return declarationNo == null || declarationNo.length() < 5 ? "" : declarationNo.substring(declarationNo.length() - 5);
        }
    }

    /** How a condition compares; all comparisons ignore case. */
    enum Op {
        IS, CONTAINS, STARTSWITH, ENDSWITH;

        boolean test(String actual, String expected) {
            String a = actual.toUpperCase(Locale.ROOT);
            return switch (this) {
                case IS -> a.equals(expected);
                case CONTAINS -> a.contains(expected);
                case STARTSWITH -> a.startsWith(expected);
                case ENDSWITH -> a.endsWith(expected);
            };
        }
    }

    /** {@code always}, or {@code <field> <op> <value>}; the value is kept upper-case for comparison. */
    record Condition(Field field, Op op, String value) {
        Condition {
            Objects.requireNonNull(field, "field");
        }

        static Condition parse(String text, String source, int line) {
            if (text.equalsIgnoreCase("always")) {
                return new Condition(Field.ALWAYS, null, null);
            }
            String[] parts = text.split("\\s+", 3);
            if (parts.length != 3) {
                throw invalid(source, line, "condition '" + text + "' is not 'always' or '<field> <op> <value>'");
            }
            Field field;
            Op op;
            try {
                field = Field.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(source, line, "unknown field '" + parts[0] + "'; use declaration, serial, importer, reference, item or hs");
            }
            try {
                op = Op.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(source, line, "unknown operator '" + parts[1] + "'; use is, contains, startsWith or endsWith");
            }
            if (field == Field.ALWAYS) {
                throw invalid(source, line, "'always' takes no operator or value");
            }
            return new Condition(field, op, parts[2].strip().toUpperCase(Locale.ROOT));
        }

        /** The items the condition picks when it matches (every item for a message-level field), else empty. */
        Optional<List<Integer>> match(Received received) {
            if (field == Field.ALWAYS) {
                return Optional.of(received.itemNumbers());
            }
            if (!field.perItem) {
                boolean hit = field.values.apply(received).stream().anyMatch(v -> op.test(v, value));
                return hit ? Optional.of(received.itemNumbers()) : Optional.empty();
            }
            List<Integer> picked = new ArrayList<>();
            for (Received.Item item : received.items()) {
                if (field.itemValues(item).stream().anyMatch(v -> op.test(v, value))) {
                    picked.add(item.sequence());
                }
            }
            return picked.isEmpty() ? Optional.empty() : Optional.of(picked);
        }
    }
}
