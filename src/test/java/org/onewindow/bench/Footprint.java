package org.onewindow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the hub holds at a moment: its live heap — the heap in use right after a full collection (System.gc()),
 * which in this one JVM includes the benchmark's own few tens of MB (documents being sent, the soak's ledger) —
 * how long that collection stopped the JVM, its data directory on disk (H2, the broker's journal, mailboxes), and
 * the space left on that disk: the embedded H2 file grows by gigabytes within minutes, so a long soak can fill it.
 */
record Footprint(double liveHeapMb, double fullGcMillis, double dataMb, double diskFreeMb) {
    private static final double MB = 1024 * 1024;
    private static final double LOW_DISK_MB = 5 * 1024;

    static Footprint of(Path dataDir) throws IOException {
        long start = System.nanoTime();
        System.gc();
        double gcMillis = (System.nanoTime() - start) / 1e6;
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
        double free = Files.getFileStore(dataDir).getUsableSpace() / MB;
        if (free < LOW_DISK_MB) {
            System.err.printf("WARNING: %.0f MB left on the disk of %s%n", free, dataDir);
        }
        return new Footprint(heap, gcMillis, bytesUnder(dataDir) / MB, free);
    }

    private static long bytesUnder(Path dir) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a journal file compacted away while walking
            }
        });
        return bytes[0];
    }
}
