package org.onewindow.conntest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Which (message type, reply) pairs each party must pass in the connection test: the list in
 * {@code onewindow.connection-test.pairs}, or the party's own in {@code onewindow.connection-test.pairs.<party>}
 * (comma-separated {@link TestPair}s). Read once at start; a malformed pair stops the hub with its reason.
 */
public final class ConnectionTestPlan {
    static final String KEY = "onewindow.connection-test.pairs";
    /** What an NX5105 filer passes when nothing is configured: each agency's receipt and result, the merged Y, release. */
    static final String DEFAULT = "NX5105>NX5106, NX5105>NX901@CD, NX5105>NX901@DN, NX5105>NX901@VP, "
            + "NX5105>NX602@CD, NX5105>NX302_DN@DN, NX5105>NX402@VP, NX5105>N5116@customs";

    private final List<TestPair> standard;
    private final Map<String, List<TestPair>> perParty;

    public ConnectionTestPlan(List<TestPair> standard, Map<String, List<TestPair>> perParty) {
        if (standard.isEmpty() || perParty.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(KEY + " lists no pair for a party; the connection test needs at least one");
        }
        this.standard = List.copyOf(standard);
        this.perParty = Map.copyOf(perParty);
    }

    public static ConnectionTestPlan from(CamelContext context) {
        PropertiesComponent p = context.getPropertiesComponent();
        List<TestPair> standard = parse(p.resolveProperty(KEY).orElse(DEFAULT));
        Map<String, List<TestPair>> perParty = new TreeMap<>();
        p.loadProperties(key -> key.startsWith(KEY + ".")).forEach((key, value) ->
                perParty.put(key.toString().substring(KEY.length() + 1), parse(value.toString())));
        return new ConnectionTestPlan(standard, perParty);
    }

    /** The pairs of a comma-separated list, in its order. */
    static List<TestPair> parse(String list) {
        List<TestPair> pairs = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(TestPair::parse).forEach(pairs::add);
        return pairs;
    }

    /** The pairs this party must pass. */
    public List<TestPair> of(String party) {
        return perParty.getOrDefault(party, standard);
    }
}
