package org.onewindow.trust;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Throughput of signing and verifying one sample message with RSA-2048 and EC P-256 keys, on 1 and 2
 * threads: sign = parse + sign + serialise, verify = parse + verify (+ remove the signature); and the bare
 * JCA signature operations for comparison. A benchmark,
 * not a test: every configuration is warmed up, then measured in 3 interleaved rounds (so that the noise of
 * a shared machine falls on all alike), and the medians of throughput and of CPU time per message are
 * printed as a Markdown table.
 * <pre>./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.onewindow.trust.SignatureBenchmark</pre>
 * Optional arguments: the sample file (default food-liquor.xml) and the seconds per round (default 3).
 */
public final class SignatureBenchmark {
    private static final int ROUNDS = 3;

    private interface Operation {
        void run() throws Exception;
    }

    private record Case(String name, KeyType keyType, int threads, Operation operation) {
    }

    private SignatureBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path sample = args.length > 0 ? Path.of(args[0]) : TrustFixtures.FOOD_LIQUOR;
        Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        byte[] unsigned = Files.readAllBytes(sample);
        DemoCertificateAuthority ca = DemoCertificateAuthority.create("CN=Benchmark CA", KeyType.EC_P256, Duration.ofDays(1));
        VerifySignature verifier = new VerifySignature();
        Map<KeyType, KeyMaterial> keys = new LinkedHashMap<>();
        for (KeyType keyType : KeyType.values()) {
            keys.put(keyType, ca.issue("CN=benchmark", keyType, Duration.ofDays(1)));
        }
        List<Case> cases = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            // RSA and EC of one operation side by side, so that they see the same load
            for (KeyType keyType : KeyType.values()) {
                XmlSigner signer = new XmlSigner(keys.get(keyType));
                cases.add(new Case("sign + serialise", keyType, threads, () -> signer.signedBytes(TrustFixtures.parse(unsigned))));
            }
            for (KeyType keyType : KeyType.values()) {
                byte[] signed = new XmlSigner(keys.get(keyType)).signedBytes(TrustFixtures.parse(unsigned));
                cases.add(new Case("parse + verify", keyType, threads, () -> {
                    if (!(verifier.verify(TrustFixtures.parse(signed)) instanceof SignatureVerdict.Verified)) {
                        throw new IllegalStateException("The benchmark's own signature did not verify");
                    }
                }));
            }
        }
        cases.addAll(rawCryptography(keys));
        System.out.printf("sample %s (%,d bytes), %d rounds of %d s, %d cores, Java %s%n", sample, unsigned.length,
                ROUNDS, round.toSeconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (Case c : cases) {
            measure(c, round);
        }
        Map<Case, Measurement[]> results = new LinkedHashMap<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (Case c : cases) {
                results.computeIfAbsent(c, k -> new Measurement[ROUNDS])[r] = measure(c, round);
            }
        }
        report(results);
    }

    /**
     * The bare JCA signature over 1 KB (about a {@code SignedInfo}) on one thread, with the JDK's providers,
     * and BouncyCastle's ECDSA verification, to tell the cryptography from the XML work.
     */
    private static List<Case> rawCryptography(Map<KeyType, KeyMaterial> keys) throws Exception {
        byte[] data = new byte[1024];
        List<Case> cases = new ArrayList<>();
        for (boolean sign : new boolean[] {true, false}) {
            for (KeyType keyType : KeyType.values()) {
                KeyMaterial key = keys.get(keyType);
                String algorithm = keyType == KeyType.RSA_2048 ? "SHA256withRSA" : "SHA256withECDSA";
                byte[] signature = signBytes(algorithm, key.privateKey(), data);
                cases.add(new Case(sign ? "JCA sign only" : "JCA verify only", keyType, 1, sign
                        ? () -> signBytes(algorithm, key.privateKey(), data)
                        : () -> verifyBytes(Signature.getInstance(algorithm), key.certificate().getPublicKey(), data, signature)));
            }
        }
        // what VerifySignature uses for EC keys
        KeyMaterial ec = keys.get(KeyType.EC_P256);
        byte[] signature = signBytes("SHA256withECDSA", ec.privateKey(), data);
        Provider bouncyCastle = new BouncyCastleProvider();
        cases.add(new Case("JCA verify only, BouncyCastle", KeyType.EC_P256, 1,
                () -> verifyBytes(Signature.getInstance("SHA256withECDSA", bouncyCastle), ec.certificate().getPublicKey(), data, signature)));
        return cases;
    }

    private static byte[] signBytes(String algorithm, PrivateKey key, byte[] data) throws Exception {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        return signer.sign();
    }

    private static void verifyBytes(Signature verifier, PublicKey key, byte[] data, byte[] signature) throws Exception {
        verifier.initVerify(key);
        verifier.update(data);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("The benchmark's own signature did not verify");
        }
    }

    /** Messages per second (wall clock) and CPU milliseconds per message (the worker threads' own CPU time). */
    private record Measurement(double perSecond, double cpuMillis) {
    }

    /**
     * Runs the case on its threads for the duration. The CPU time per message is what to compare on a shared
     * machine: other processes slow the wall clock down but hardly the CPU a thread itself spends.
     */
    private static Measurement measure(Case c, Duration duration) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(c.threads());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int t = 0; t < c.threads(); t++) {
            Thread thread = new Thread(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                try {
                    while (!stop.get()) {
                        c.operation().run();
                        done.increment();
                    }
                } catch (Exception e) {
                    failures.add(e);
                } finally {
                    cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
                    finished.countDown();
                }
            });
            thread.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The benchmark failed", failures.get(0));
        }
        return new Measurement(done.sum() / seconds, cpuNanos.sum() / 1e6 / done.sum());
    }

    private static void report(Map<Case, Measurement[]> results) {
        System.out.println();
        System.out.println("| operation | key | threads | median msg/s | median CPU ms per msg | msg/s per round |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, Measurement> medians = new LinkedHashMap<>();
        results.forEach((c, values) -> {
            Measurement median = new Measurement(median(values, Measurement::perSecond), median(values, Measurement::cpuMillis));
            medians.put(c.name() + "/" + c.keyType() + "/" + c.threads(), median);
            System.out.printf("| %s | %s | %d | %,.0f | %.2f | %s |%n", c.name(), c.keyType(), c.threads(),
                    median.perSecond(), median.cpuMillis(), rounds(values));
        });
        System.out.println();
        results.keySet().stream().filter(c -> c.keyType() == KeyType.EC_P256 && medians.containsKey(c.name() + "/RSA_2048/" + c.threads())).forEach(c -> {
            Measurement ec = medians.get(c.name() + "/EC_P256/" + c.threads());
            Measurement rsa = medians.get(c.name() + "/RSA_2048/" + c.threads());
            System.out.printf("%s, %d thread(s): EC / RSA throughput %.2f, EC / RSA CPU per msg %.2f%n", c.name(), c.threads(),
                    ec.perSecond() / rsa.perSecond(), ec.cpuMillis() / rsa.cpuMillis());
        });
    }

    private static double median(Measurement[] values, ToDoubleFunction<Measurement> metric) {
        double[] sorted = Arrays.stream(values).mapToDouble(metric).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String rounds(Measurement[] values) {
        return String.join(" / ", Arrays.stream(values).map(v -> String.format("%,.0f", v.perSecond())).toList());
    }
}
