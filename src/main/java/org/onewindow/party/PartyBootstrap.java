package org.onewindow.party;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onewindow.config.CsvFile;
import org.onewindow.party.PartyAdministration.Details;

/**
 * Registers the parties of a bootstrap file at first start, when the registry is still empty — the demo's
 * traders, broker, agencies and operator, or an operator's own list. A file on disk, or {@code classpath:…}.
 * Columns: {@code party_id,kind,name,box_id,email,reply_channel,admin}; each registration is audited with
 * the actor {@code bootstrap}.
 */
public final class PartyBootstrap {
    public static final String ACTOR = "bootstrap";
    private static final String HEADER = "party_id,kind,name,box_id,email,reply_channel,admin";
    private static final String CLASSPATH = "classpath:";

    private final PartyStore parties;
    private final PartyAdministration administration;

    public PartyBootstrap(PartyStore parties, PartyAdministration administration) {
        this.parties = parties;
        this.administration = administration;
    }

    /** Registers the file's parties if the registry is empty; returns those registered (none otherwise). */
    public List<Party> registerIfEmpty(String location) {
        if (location.isBlank() || !parties.isEmpty()) {
            return List.of();
        }
        CsvFile file = CsvFile.of(CsvFile.readLines(open(location), location));
        if (file.header().map(h -> !h.text().equals(HEADER)).orElse(true)) {
            throw new IllegalArgumentException(location + ": the first line must be " + HEADER);
        }
        List<Party> registered = new ArrayList<>();
        for (CsvFile.Line line : file.rows()) {
            String[] c = line.text().split(",", -1);
            if (c.length != 7) {
                throw new IllegalArgumentException(location + " line " + line.number() + ": 7 columns expected (" + HEADER + ")");
            }
            try {
                registered.add(administration.register(ACTOR, c[0].strip(), PartyKind.valueOf(c[1].strip().toUpperCase(Locale.ROOT)),
                        new Details(c[2], blankToNull(c[3]), blankToNull(c[4]), blankToNull(c[5]),
                                Boolean.parseBoolean(c[6].strip()), true)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(location + " line " + line.number() + ": " + e.getMessage(), e);
            }
        }
        return registered;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static InputStream open(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                InputStream in = PartyBootstrap.class.getClassLoader().getResourceAsStream(location.substring(CLASSPATH.length()));
                if (in == null) {
                    throw new IllegalArgumentException("No " + location);
                }
                return in;
            }
            return Files.newInputStream(Path.of(location));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }
}
