package org.onewindow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak (issue 6: "a 30-minute run at 70% of the maximum rate with flat throughput and flat heap"): one hub with
 * signatures off, warmed up, its maximum measured at full speed over JMS (unless a rate is given), then driven over
 * JMS open loop at a fraction of it for the soak's length, the declarations made as it goes. At the end of every
 * window it notes the CPU used in the window and the hub's footprint; once every NX5106 is in, it prints each
 * window's traffic and latencies and the {@link SoakVerdicts}, and returns them for the JSON report.
 */
final class Soak {
    private static final Duration STRAGGLERS = Duration.ofMinutes(5);
    private static final double CHUNK_SECONDS = 2;
    private static final String ROW = "%6s %9s %7s %9s %9s %7s %7s %7s %6s %7s %8s %6s %8s%n";
    private static final String HEADER = String.format(ROW, "window", "seconds", "due", "offered/s", "deliv./s",
            "p50 ms", "p99 ms", "max ms", "cores", "making", "heap MB", "gc ms", "data MB");

    /** Noted at the end of a window: the CPU the JVM used in it, the part spent making declarations, the footprint. */
    private record Sample(double cores, double makingCores, Footprint footprint) {
    }

    private final Benchmark.Settings settings;
    private final DeclarationFactory factory;
    private final long windowNanos;

    Soak(Benchmark.Settings settings, DeclarationFactory factory) {
        this.settings = settings;
        this.factory = factory;
        this.windowNanos = settings.soakWindowSeconds() * 1_000_000_000L;
    }

    /**
     * Runs the soak on declarations numbered from {@code firstSerial}; the report. The hub's data directory is
     * deleted afterwards: its H2 file grows by gigabytes.
     */
    Map<String, Object> run(int firstSerial) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        report.put("machine", Report.machine());
        report.put("settings", settings);
        Path work = Files.createTempDirectory("onewindow-soak");
        Path dataDir = work.resolve("hub-relaxed");
        try (HubSession session = new HubSession(dataDir, false, settings.hubProperties()).delegate().repliesOnQueues();
             ReplyWatch replies = session.watchReplies()) {
            Load load = new Load(session, replies);
            double rate = warmUpAndChooseRate(load, session, firstSerial, report);
            int serial = firstSerial + settings.warmup() + (settings.soakRate() > 0 ? 0 : settings.declarations());
            Schedule plan = Schedule.lasting(rate, 0, settings.soakWindows() * windowNanos);
            System.out.printf("Soak: %.1f decl/s over JMS, %d declarations in %d windows of %d s; hub data in %s%n", rate,
                    plan.count(), settings.soakWindows(), settings.soakWindowSeconds(), dataDir);
            ArrivalLedger ledger = new ArrivalLedger(serial, plan.count());
            replies.handArrivalsTo(ledger);
            Schedule schedule;
            List<Sample> samples;
            try (DeclarationStream stream = new DeclarationStream(factory, session, serial, plan.count(),
                    (int) Math.max(50, rate * CHUNK_SECONDS))) {
                schedule = plan.startingAt(System.nanoTime() + 10_000_000L);
                samples = drive(load, stream, schedule, ledger, dataDir);
            }
            if (!ledger.awaitAll(System.nanoTime() + STRAGGLERS.toNanos())) {
                System.err.println("WARNING: " + ledger.missing() + " declarations got no NX5106 within " + STRAGGLERS
                        + ", among them " + ledger.firstMissing(5));
            }
            replies.awaitQuiet(1500, System.nanoTime() + STRAGGLERS.toNanos());
            report.put("offeredPerSecond", rate);
            report.put("declarations", schedule.count());
            report.put("strayNx5106", ledger.strays());
            report.putAll(conclude(schedule, ledger, samples));
        } finally {
            WorkDirectory.delete(work);
        }
        return report;
    }

    /** Warms the hub up, then the rate to soak at: the one given, or the fraction of the full-speed JMS rate. */
    private double warmUpAndChooseRate(Load load, HubSession session, int firstSerial, Map<String, Object> report)
            throws Exception {
        load.fullSpeed(Load.Channel.JMS, session.prepare(factory.make(settings.warmup(), firstSerial)));
        if (settings.soakRate() > 0) {
            return settings.soakRate();
        }
        Measurement max = Benchmark.print(load.fullSpeed(Load.Channel.JMS,
                session.prepare(factory.make(settings.declarations(), firstSerial + settings.warmup()))));
        report.put("jmsFullSpeed", max);
        return max.perSecond() * settings.soakFraction();
    }

    /** Sends the stream as scheduled while noting each window's sample at its end; the samples. */
    private List<Sample> drive(Load load, DeclarationStream stream, Schedule schedule, ArrivalLedger ledger, Path dataDir)
            throws Exception {
        List<Sample> samples = new ArrayList<>();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> sending = sender.submit(() -> {
                load.sendJmsWhenDue(stream.dueBy(schedule));
                return null;
            });
            System.out.print(HEADER);
            long cpuFrom = System.nanoTime();
            Cpu cpu = Cpu.start();
            long makingFrom = stream.makingCpuNanos();
            for (int w = 0; w < settings.soakWindows(); w++) {
                LockSupport.parkNanos(schedule.start() + (w + 1) * windowNanos - System.nanoTime());
                long wall = System.nanoTime() - cpuFrom;
                double making = (stream.makingCpuNanos() - makingFrom) / (double) wall;
                samples.add(new Sample(cpu.coresSince(wall), making, Footprint.of(dataDir)));
                // the next window's CPU is counted from here, without this sample's full collection
                cpuFrom = System.nanoTime();
                cpu = Cpu.start();
                makingFrom = stream.makingCpuNanos();
                System.out.print(row(window(w, schedule, ledger, samples)));
            }
            sending.get();
        } finally {
            sender.shutdown();
        }
        return samples;
    }

    /** Every window as it finally stands, the p99 of the first and last thirds, and the verdicts; printed too. */
    private Map<String, Object> conclude(Schedule schedule, ArrivalLedger ledger, List<Sample> samples) {
        List<SoakWindow> windows = new ArrayList<>();
        for (int w = 0; w < samples.size(); w++) {
            windows.add(window(w, schedule, ledger, samples));
        }
        long third = SoakVerdicts.third(windows.size()) * windowNanos;
        long end = schedule.start() + windows.size() * windowNanos;
        Measurement.Latency firstThird = ledger.traffic(schedule, schedule.start(), schedule.start() + third).latency();
        Measurement.Latency lastThird = ledger.traffic(schedule, end - third, end).latency();
        SoakVerdicts verdicts = SoakVerdicts.of(windows, firstThird, lastThird, ledger.missing(), ledger.duplicates());
        System.out.printf("%nEvery window once all NX5106 were in (stray NX5106s: %d):%n%s", ledger.strays(), HEADER);
        windows.forEach(w -> System.out.print(row(w)));
        System.out.println(verdicts(verdicts));
        Map<String, Object> concluded = new LinkedHashMap<>();
        concluded.put("firstThirdLatency", firstThird);
        concluded.put("lastThirdLatency", lastThird);
        concluded.put("windows", windows);
        concluded.put("verdicts", verdicts);
        return concluded;
    }

    /** Window {@code w} as the ledger has it now, with its sample. */
    private SoakWindow window(int w, Schedule schedule, ArrivalLedger ledger, List<Sample> samples) {
        long from = schedule.start() + w * windowNanos;
        Sample sample = samples.get(w);
        return SoakWindow.of(w + 1, w * windowNanos / 1e9, (w + 1) * windowNanos / 1e9,
                ledger.traffic(schedule, from, from + windowNanos), sample.cores(), sample.makingCores(), sample.footprint());
    }

    private static String row(SoakWindow w) {
        Measurement.Latency l = w.latency();
        return String.format(ROW, w.number(), String.format("%.0f-%.0f", w.fromSecond(), w.toSecond()), w.due(),
                String.format("%.1f", w.offeredPerSecond()), String.format("%.1f", w.deliveredPerSecond()),
                l == null ? "-" : String.format("%.0f", l.p50()), l == null ? "-" : String.format("%.0f", l.p99()),
                l == null ? "-" : String.format("%.0f", l.max()), String.format("%.2f", w.cores()),
                String.format("%.2f", w.makingCores()),
                String.format("%.0f", w.footprint().liveHeapMb()), String.format("%.0f", w.footprint().fullGcMillis()),
                String.format("%.0f", w.footprint().dataMb()))
                + (w.unanswered() > 0 ? String.format("%17s(%d of them without NX5106 yet)%n", "", w.unanswered()) : "");
    }

    private static String verdicts(SoakVerdicts v) {
        return String.format("""

                throughput %s: worst window after the first %.1f%% off the offered rate; last third / first third %.3f
                heap       %s: live heap slope %+.1f MB per 10 min (%+.1f MB over the soak); last third / first third %.3f
                latency    %s: p99 first third %.0f ms, last third %.0f ms (ratio %.2f)
                complete   %s: missing %d, duplicates %d
                disk       data directory %+.0f MB per 10 min
                soak target %s""",
                v.throughputFlat() ? "FLAT" : "NOT FLAT", 100 * v.worstWindowDeviation(), v.throughputLastToFirst(),
                v.heapFlat() ? "FLAT" : "NOT FLAT", v.heapSlopeMbPer10Minutes(), v.heapGrowthOverSoakMb(),
                v.heapLastToFirst(),
                v.latencySteady() ? "STEADY" : "DRIFTS", v.p99FirstThirdMs(), v.p99LastThirdMs(), v.p99LastToFirst(),
                v.complete() ? "YES" : "NO", v.missing(), v.duplicates(), v.dataSlopeMbPer10Minutes(),
                v.met() ? "MET" : "NOT MET");
    }
}
