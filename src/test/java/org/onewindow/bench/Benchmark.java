package org.onewindow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The hub's benchmark (issue 6): end-to-end declarations per second from submit to the merged NX5106
 * delivered to the sender, over JMS and HTTP, at full speed and at fixed rates, with signature checks off and
 * on, against two references measured in the same run on the same documents — F, the raw XSD-validation
 * rate of every message of a declaration's life on two threads, and the plain Camel pipeline at 2 and 8
 * consumers. Prints a table and writes JSON; medians over {@code --runs}. With {@code --soak-minutes} it runs the
 * {@link Soak} instead.
 *
 * <pre>./mvnw -q test-compile exec:exec@bench -Dbench.args="--runs 3"</pre>
 */
public final class Benchmark {
    private static final int FIRST_SERIAL = 10_000;
    private static final double[] JMS_RATE_FRACTIONS = {0.25, 0.5, 0.75};
    private static final double HTTP_RATE_FRACTION = 0.5;

    private final Settings settings;
    private final DeclarationFactory factory;

    private Benchmark(Settings settings) throws Exception {
        this.settings = settings;
        this.factory = new DeclarationFactory(Path.of("."));
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        if (settings.soakMinutes() > 0) {
            write(settings, new Soak(settings, new DeclarationFactory(Path.of("."))).run(FIRST_SERIAL));
        } else {
            new Benchmark(settings).runAll();
        }
        // the hubs' non-daemon threads (Vert.x, Artemis) are stopped, but be sure the JVM ends
        System.exit(0);
    }

    private void runAll() throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int r = 1; r <= settings.runs; r++) {
            System.out.printf("%n== run %d of %d ==%n", r, settings.runs);
            Path work = Files.createTempDirectory("onewindow-bench");
            try {
                runs.add(oneRun(work));
            } finally {
                WorkDirectory.delete(work);
            }
        }
        Report report = new Report(settings, runs);
        System.out.println(report.table());
        write(settings, report.json());
    }

    private static void write(Settings settings, Map<String, Object> json) throws Exception {
        Path out = Path.of(settings.out);
        Files.createDirectories(out.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
        System.out.println("Written " + out.toAbsolutePath());
    }

    /** One run with its hubs' and the plain pipeline's data under {@code work}. */
    private Map<String, Object> oneRun(Path work) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        List<List<ValidationFloor.Document>> lives = null;
        for (boolean signed : settings.modes) {
            Map<String, Object> mode = new LinkedHashMap<>();
            try (HubSession session = new HubSession(work.resolve(signed ? "hub-signed" : "hub-relaxed"), signed, settings.hubProperties())
                    .delegate().repliesOnQueues();
                 ReplyWatch replies = session.watchReplies()) {
                Load load = new Load(session, replies);
                int serial = FIRST_SERIAL;
                load.fullSpeed(Load.Channel.JMS, session.prepare(factory.make(settings.warmup, serial)));
                serial += settings.warmup;
                List<DeclarationFactory.Declaration> measured = factory.make(settings.declarations, serial);
                serial += settings.declarations;
                Measurement jms = print(load.fullSpeed(Load.Channel.JMS, session.prepare(measured)));
                Measurement http = print(load.fullSpeed(Load.Channel.HTTP, session.prepare(factory.make(settings.declarations, serial))));
                serial += settings.declarations;
                mode.put("jmsFullSpeed", jms);
                mode.put("httpFullSpeed", http);
                double max = Math.max(jms.perSecond(), http.perSecond());
                List<Measurement> rates = new ArrayList<>();
                List<Settle.Waited> settled = new ArrayList<>();
                for (double fraction : JMS_RATE_FRACTIONS) {
                    int count = (int) Math.max(50, max * fraction * settings.rateSeconds);
                    List<HubSession.Submission> batch = session.prepare(factory.make(count, serial));
                    settled.add(settings.settle().await());
                    rates.add(print(load.fixedRate(Load.Channel.JMS, batch, max * fraction)));
                    serial += count;
                }
                int count = (int) Math.max(50, max * HTTP_RATE_FRACTION * settings.rateSeconds);
                List<HubSession.Submission> batch = session.prepare(factory.make(count, serial));
                settled.add(settings.settle().await());
                rates.add(print(load.fixedRate(Load.Channel.HTTP, batch, max * HTTP_RATE_FRACTION)));
                mode.put("fixedRates", rates);
                mode.put("settledBeforeFixedRates", settled);
                if (!signed) {
                    List<String> cases = measured.stream().limit(settings.floorDeclarations)
                            .map(d -> replies.caseOf(d.number())).toList();
                    lives = ValidationFloor.lives(session.hub, cases);
                }
            }
            run.put(signed ? "signaturesOn" : "signaturesOff", mode);
        }
        if (lives != null) {
            double f = ValidationFloor.declarationsPerSecond(lives);
            System.out.printf("F (XSD validation of a declaration's life, 2 threads): %.0f decl/s over %.1f messages per life%n",
                    f, lives.stream().mapToInt(List::size).average().orElse(0));
            run.put("validationFloor", Map.of("perSecond", f,
                    "messagesPerLife", lives.stream().mapToInt(List::size).average().orElse(0)));
        }
        List<DeclarationFactory.Declaration> plainDocuments = factory.make(settings.plainDeclarations, FIRST_SERIAL);
        Map<String, Object> plain = new LinkedHashMap<>();
        for (int consumers : new int[] {2, 8}) {
            plain.put(String.valueOf(consumers), print(new PlainPipeline(work.resolve("plain-" + consumers))
                    .run(plainDocuments, consumers)));
        }
        run.put("plain", plain);
        return run;
    }

    static Measurement print(Measurement m) {
        System.out.printf("%-7s %-9s offered %6.1f/s  %5d decl  %7.1f decl/s  %4.2f cores  %s%s%n",
                m.channel(), m.channel().startsWith("plain") ? "" : m.signed() ? "signed" : "relaxed", m.offeredRate(),
                m.declarations(), m.perSecond(), m.cores(),
                m.latency() == null ? "" : String.format("p50 %.0f ms  p99 %.0f ms  max %.0f ms", m.latency().p50(),
                        m.latency().p99(), m.latency().max()),
                m.missing() + m.duplicates() > 0 ? "  MISSING " + m.missing() + " DUPLICATES " + m.duplicates() : "");
        return m;
    }

    /** Command-line settings; a soak when {@code soakMinutes} is above 0. */
    record Settings(int runs, int declarations, int warmup, int rateSeconds, int plainDeclarations, int floorDeclarations,
                    List<Boolean> modes, String out, int soakMinutes, double soakFraction, double soakRate,
                    int soakWindowSeconds, Settle settle, Properties hubProperties) {
        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            for (String arg : args) {
                words.addAll(List.of(arg.trim().split("\\s+")));
            }
            words.removeIf(String::isEmpty);
            Properties hubProperties = new Properties();
            for (int i = 0; i + 1 < words.size(); i += 2) {
                if (!words.get(i).startsWith("--")) {
                    throw new IllegalArgumentException("Expected --option value, got " + words.get(i));
                }
                if (words.get(i).equals("--hub")) {
                    // a hub setting, repeatable: --hub onewindow.db.write-through=false
                    String[] setting = words.get(i + 1).split("=", 2);
                    hubProperties.setProperty(setting[0], setting.length > 1 ? setting[1] : "");
                } else {
                    given.put(words.get(i).substring(2), words.get(i + 1));
                }
            }
            int declarations = Integer.parseInt(given.getOrDefault("declarations", "600"));
            String modes = given.getOrDefault("signatures", "off,on");
            int soakMinutes = Integer.parseInt(given.getOrDefault("soak-minutes", "0"));
            Settings settings = new Settings(
                    Integer.parseInt(given.getOrDefault("runs", "3")),
                    declarations,
                    Integer.parseInt(given.getOrDefault("warmup", "1500")),
                    Integer.parseInt(given.getOrDefault("rate-seconds", "10")),
                    Integer.parseInt(given.getOrDefault("plain-declarations", String.valueOf(2 * declarations))),
                    Integer.parseInt(given.getOrDefault("floor-declarations", "200")),
                    List.of(modes.split(",")).stream().map(m -> m.trim().equals("on")).toList(),
                    given.getOrDefault("out", soakMinutes > 0 ? "target/bench/soak.json" : "target/bench/result.json"),
                    soakMinutes,
                    Double.parseDouble(given.getOrDefault("soak-fraction", "0.7")),
                    Double.parseDouble(given.getOrDefault("soak-rate", "0")),
                    Integer.parseInt(given.getOrDefault("soak-window-seconds", "60")),
                    new Settle(Double.parseDouble(given.getOrDefault("settle-cores", "0.2")),
                            Integer.parseInt(given.getOrDefault("settle-seconds", "90"))),
                    hubProperties);
            if (soakMinutes > 0 && settings.soakWindows() < SoakVerdicts.MIN_WINDOWS) {
                throw new IllegalArgumentException("A soak needs at least " + SoakVerdicts.MIN_WINDOWS
                        + " windows: more --soak-minutes or fewer --soak-window-seconds");
            }
            return settings;
        }

        /** How many whole windows the soak lasts. */
        int soakWindows() {
            return soakMinutes * 60 / soakWindowSeconds;
        }
    }
}
