package org.onewindow.store;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.onewindow.party.Certificates;

/**
 * The archive directory: ZIP files holding the bodies of messages that retention moved out of the database. Each body
 * is an entry named by its hub id; the last entry, {@value #RECORDS}, describes every body in the file — the message
 * as the tamper-evident log covers it, its place in its party's chain and the body's SHA-256 — so that a file can be
 * checked on its own, away from the hub. Table {@code archived_body} says which file holds which body.
 */
public final class BodyArchive {
    /** The entry describing the file's bodies, one line each. */
    public static final String RECORDS = "records.csv";
    private static final String RECORDS_HEADER = "hub_id,direction,channel,sender,recipient,received_at,message_type,"
            + "declaration_no,case_id,syntax,chain_party,chain_position,previous_hash,record_hash,body_sha256";
    private static final String FILE_PREFIX = "bodies-";
    private static final String FILE_SUFFIX = ".zip";
    /** A file being written has this suffix, after a dot and its final name, until it is complete. */
    private static final String PARTIAL_SUFFIX = ".partial";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Jdbc jdbc;

    public BodyArchive(Path directory, Jdbc jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** A message whose body goes into an archive file, with what {@value #RECORDS} says of it. */
    public record Archived(String hubId, String direction, String channel, String sender, String recipient,
                           Instant receivedAt, String messageType, String declarationNo, String caseId, String syntax,
                           String chainParty, long chainPosition, String previousHash, String recordHash) {
    }

    /** A written archive file: its name, and each body's SHA-256 (hex) in the order of the records. */
    public record Written(String file, List<String> bodySha256) {
    }

    public Path directory() {
        return directory;
    }

    /**
     * Writes a new archive file with the bodies of these messages (at least one) ({@code bodies} reads one at a time, so only one is
     * in memory), forced to disk under its final name before this returns: the caller deletes the bodies from the
     * database only after that.
     */
    public Written write(List<Archived> messages, Instant at, Function<String, byte[]> bodies) {
        String file = FILE_PREFIX + FILE_TIME.format(at) + "-" + messages.get(0).hubId() + FILE_SUFFIX;
        Path target = directory.resolve(file);
        Path partial = directory.resolve("." + file + PARTIAL_SUFFIX);
        try {
            Files.createDirectories(directory);
            List<String> digests;
            try (FileOutputStream out = new FileOutputStream(partial.toFile())) {
                digests = writeZip(messages, bodies, new BufferedOutputStream(out));
                out.getChannel().force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
            return new Written(file, digests);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException leftBehind) {
                e.addSuppressed(leftBehind);
            }
            throw new UncheckedIOException("Cannot write archive file " + target, e);
        }
    }

    private static List<String> writeZip(List<Archived> messages, Function<String, byte[]> bodies, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // the fastest level: archiving runs beside the message path, and XML shrinks well at any level
        zip.setLevel(Deflater.BEST_SPEED);
        StringBuilder records = new StringBuilder(RECORDS_HEADER).append('\n');
        List<String> digests = new ArrayList<>(messages.size());
        for (Archived m : messages) {
            byte[] body = bodies.apply(m.hubId());
            String digest = Certificates.sha256Hex(body);
            digests.add(digest);
            zip.putNextEntry(new ZipEntry(m.hubId()));
            zip.write(body);
            zip.closeEntry();
            records.append(Stream.of(m.hubId(), m.direction(), m.channel(), m.sender(), m.recipient(),
                            String.valueOf(m.receivedAt()), m.messageType(), m.declarationNo(), m.caseId(), m.syntax(),
                            m.chainParty(), String.valueOf(m.chainPosition()), m.previousHash(), m.recordHash(), digest)
                    .map(BodyArchive::csvField).collect(Collectors.joining(","))).append('\n');
        }
        zip.putNextEntry(new ZipEntry(RECORDS));
        zip.write(records.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
        return digests;
    }

    /** The name and the data of a new file are on disk only once its directory's entry is. */
    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Deletes what an interrupted archiving run left in the directory: temporary files, and archive files no message
     * points to (written, but the hub stopped before the database pointed to them; or every body in them was archived
     * again into a newer file). Call it holding the archive lock, so that no node is writing a file meanwhile. Returns
     * the names of the files deleted.
     */
    public List<String> removeLeftovers() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean temporary = name.startsWith("." + FILE_PREFIX) && name.endsWith(PARTIAL_SUFFIX);
                boolean archive = name.startsWith(FILE_PREFIX) && name.endsWith(FILE_SUFFIX);
                if (temporary || archive && !referenced(name)) {
                    Files.delete(file);
                    removed.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up the archive directory " + directory, e);
        }
        return removed;
    }

    /**
     * Deletes the archive file if no message points to it; true if it was deleted. No message is ever pointed to an
     * existing file again, so once none points to it, none will.
     */
    public boolean deleteIfUnreferenced(String file) {
        if (referenced(file)) {
            return false;
        }
        try {
            return Files.deleteIfExists(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete archive file " + file, e);
        }
    }

    private boolean referenced(String file) {
        return jdbc.queryOne("select 1 from archived_body where archive_file = ? fetch first 1 rows only", rs -> true, file)
                .isPresent();
    }

    /** The body of a message whose body was archived; empty when it was not. Fails when its archive file is gone. */
    public Optional<byte[]> body(String hubId) {
        return jdbc.queryOne("select archive_file from archived_body where hub_id = ?", rs -> rs.getString(1), hubId)
                .map(file -> read(file, hubId));
    }

    private byte[] read(String file, String hubId) {
        try (ZipFile zip = open(file)) {
            ZipEntry entry = zip.getEntry(hubId);
            if (entry == null) {
                throw new IllegalStateException("Archive file " + file + " holds no body for message " + hubId);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read archive file " + file + " in " + directory, e);
        }
    }

    /**
     * Compares an archive file with the bodies the database says it holds ({@code digests}: hub id to SHA-256) and
     * returns what does not match: the file missing or unreadable, a body missing from it or not the one archived.
     */
    public List<String> check(String file, Map<String, String> digests) {
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = open(file)) {
            for (Map.Entry<String, String> expected : digests.entrySet()) {
                ZipEntry entry = zip.getEntry(expected.getKey());
                if (entry == null) {
                    problems.add("archive file " + file + ": the body of " + expected.getKey() + " is missing");
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (!Certificates.sha256Hex(in.readAllBytes()).equals(expected.getValue())) {
                        problems.add("archive file " + file + ": the body of " + expected.getKey()
                                + " is not the one archived (the file was altered)");
                    }
                }
            }
        } catch (IllegalStateException | IOException e) {
            problems.add("archive file " + file + ": " + e.getMessage());
        }
        return problems;
    }

    private ZipFile open(String file) throws IOException {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Archive file " + file + " is not in " + directory);
        }
        return new ZipFile(path.toFile());
    }
}
