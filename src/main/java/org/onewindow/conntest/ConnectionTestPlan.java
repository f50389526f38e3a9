package org.onewindow.conntest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.camel.CamelContext;

/**
 * Which (message type, reply) pairs each party must pass in the connection test: the party's own list in
 * {@code onewindow.connection-test.pairs.<party>} if there is one, else the list in
 * {@code onewindow.connection-test.pairs} (comma-separated {@link TestPair}s). The standard list is read once at
 * start (a malformed one stops the hub with its reason); a party's own is looked up when asked, so it can come from
 * any property source (file, -D, environment) without the hub having to know the party in advance.
 */
public final class ConnectionTestPlan {
    static final String KEY = "onewindow.connection-test.pairs";
    /** What an NX5105 filer passes when nothing is configured: each agency's receipt and result, the merged Y, release. */
    static final String DEFAULT = "NX5105>NX5106, NX5105>NX901@CD, NX5105>NX901@DN, NX5105>NX901@VP, "
            + "NX5105>NX602@CD, NX5105>NX302_DN@DN, NX5105>NX402@VP, NX5105>N5116@customs";

    private final List<TestPair> standard;
    private final Function<String, Optional<String>> settings;

    /** {@code settings}: the hub's property lookup, for the parties' own lists. */
    public ConnectionTestPlan(List<TestPair> standard, Function<String, Optional<String>> settings) {
        this.standard = nonEmpty(standard, KEY);
        this.settings = settings;
    }

    public static ConnectionTestPlan from(CamelContext context) {
        Function<String, Optional<String>> settings = context.getPropertiesComponent()::resolveProperty;
        return new ConnectionTestPlan(parse(settings.apply(KEY).orElse(DEFAULT)), settings);
    }

    /** The pairs of a comma-separated list, in its order; IllegalArgumentException naming a malformed pair. */
    static List<TestPair> parse(String list) {
        List<TestPair> pairs = new ArrayList<>();
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(TestPair::parse).forEach(pairs::add);
        return pairs;
    }

    /** The pairs this party must pass; IllegalArgumentException when its own list is malformed or empty. */
    public List<TestPair> of(String party) {
        String key = KEY + "." + party;
        return settings.apply(key).map(list -> nonEmpty(parse(list), key)).orElse(standard);
    }

    private static List<TestPair> nonEmpty(List<TestPair> pairs, String key) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(key + " lists no pair; the connection test needs at least one");
        }
        return List.copyOf(pairs);
    }
}
