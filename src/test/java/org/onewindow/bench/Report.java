package org.onewindow.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of every run, flattened into named metrics, with their medians and the ratios the issue sets
 * targets for (each ratio computed within its run, then the median taken): hub / plain at its best
 * concurrency (target ≥ 2), hub / F (target ≥ 0.35), p99 at half the maximum rate (target < 150 ms).
 */
final class Report {
    private final Benchmark.Settings settings;
    private final List<Map<String, Object>> runs;
    private final Map<String, List<Double>> metrics = new LinkedHashMap<>();

    Report(Benchmark.Settings settings, List<Map<String, Object>> runs) {
        this.settings = settings;
        this.runs = runs;
        for (Map<String, Object> run : runs) {
            flatten(run);
        }
    }

    @SuppressWarnings("unchecked")
    private void flatten(Map<String, Object> run) {
        Map<String, Object> plain = (Map<String, Object>) run.get("plain");
        double plain2 = ((Measurement) plain.get("2")).perSecond();
        double plain8 = ((Measurement) plain.get("8")).perSecond();
        double plainBest = Math.max(plain2, plain8);
        add("plain 2 consumers, decl/s", plain2);
        add("plain 8 consumers, decl/s", plain8);
        add("plain best, decl/s", plainBest);
        Map<String, Object> floor = (Map<String, Object>) run.get("validationFloor");
        Double f = floor == null ? null : (Double) floor.get("perSecond");
        if (f != null) {
            add("F (XSD floor, 2 threads), decl/s", f);
        }
        for (String mode : List.of("signaturesOff", "signaturesOn")) {
            Map<String, Object> m = (Map<String, Object>) run.get(mode);
            if (m == null) {
                continue;
            }
            String tag = mode.equals("signaturesOff") ? "sig off" : "sig on";
            Measurement jms = (Measurement) m.get("jmsFullSpeed");
            Measurement http = (Measurement) m.get("httpFullSpeed");
            add("hub JMS " + tag + ", decl/s", jms.perSecond());
            add("hub JMS " + tag + ", cores", jms.cores());
            add("hub HTTP " + tag + ", decl/s", http.perSecond());
            add("hub HTTP " + tag + ", cores", http.cores());
            add("hub JMS / plain best, " + tag, jms.perSecond() / plainBest);
            add("hub HTTP / plain best, " + tag, http.perSecond() / plainBest);
            if (f != null) {
                add("hub JMS / F, " + tag, jms.perSecond() / f);
            }
            for (Measurement rate : (List<Measurement>) m.get("fixedRates")) {
                double fraction = rate.offeredRate() / Math.max(jms.perSecond(), http.perSecond());
                String at = String.format("%s %s at %.2f max", rate.channel(), tag, fraction);
                add(at + ", p50 ms", rate.latency().p50());
                add(at + ", p99 ms", rate.latency().p99());
                add(at + ", max ms", rate.latency().max());
            }
            add("lost or duplicated NX5106, " + tag, (double) (jms.missing() + jms.duplicates() + http.missing() + http.duplicates()));
        }
    }

    private void add(String name, double value) {
        metrics.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format("%n%-42s %10s   %s%n", "metric", "median", "runs"));
        metrics.forEach((name, values) -> out.append(String.format("%-42s %10.2f   %s%n", name, median(values),
                values.stream().map(v -> String.format("%.2f", v)).toList())));
        return out.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("when", Instant.now().toString());
        json.put("machine", machine());
        json.put("settings", settings);
        Map<String, Object> medians = new LinkedHashMap<>();
        metrics.forEach((name, values) -> medians.put(name, median(values)));
        json.put("medians", medians);
        json.put("perRun", metrics);
        json.put("runs", runs);
        return json;
    }

    /** The machine and JVM the figures come from. */
    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return machine;
    }
}
