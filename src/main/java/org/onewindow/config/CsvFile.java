package org.onewindow.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rules table file of the hub (the routing table, the demo agency rules) as its parser reads it: UTF-8 text
 * in which a line that is blank or starts with {@code #} (after white space) is a comment, the first other
 * line is the header and every later one a row. Lines keep their 1-based number in the file, so the table's
 * own parser can check the header and columns and refuse a broken row by its line; it also splits the
 * columns, as the tables differ in how.
 */
public final class CsvFile {
    /** A line that is not a comment: its number in the file and its text, stripped. */
    public record Line(int number, String text) {
    }

    private final List<Line> lines;

    private CsvFile(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Reads every line of a stream and closes it; an {@link UncheckedIOException} saying
     * {@code "Cannot read " + what} when it cannot be read.
     */
    public static List<String> readLines(InputStream csv, String what) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what, e);
        }
    }

    /** The file made of these lines, the first being line 1. */
    public static CsvFile of(List<String> lines) {
        List<Line> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                kept.add(new Line(i + 1, text));
            }
        }
        return new CsvFile(kept);
    }

    /** The first line that is not a comment; empty when the file holds only comments. */
    public Optional<Line> header() {
        return lines.stream().findFirst();
    }

    /** The lines after the header, in file order. */
    public List<Line> rows() {
        return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
    }
}
