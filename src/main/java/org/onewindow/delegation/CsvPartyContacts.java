package org.onewindow.delegation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.config.CsvFile;

/**
 * Party e-mail addresses from a small CSV file with the header {@code party_id,email} — the bundled
 * {@value #RESOURCE} for the demo, or a file of the operator's choosing — until the party registry holds them.
 */
public final class CsvPartyContacts implements PartyContacts {
    /** Classpath location of the demo contacts. */
    public static final String RESOURCE = "demo/demo-party-contacts.csv";
    private static final String HEADER = "party_id,email";

    private final Map<String, String> emails;

    private CsvPartyContacts(Map<String, String> emails) {
        this.emails = Map.copyOf(emails);
    }

    public static CsvPartyContacts bundled() {
        InputStream in = CsvPartyContacts.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
        }
        return parse(CsvFile.readLines(in, RESOURCE), RESOURCE);
    }

    public static CsvPartyContacts fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(CsvFile.readLines(in, file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read party contacts " + file, e);
        }
    }

    static CsvPartyContacts parse(List<String> lines, String source) {
        CsvFile file = CsvFile.of(lines);
        if (!file.header().map(h -> h.text().equals(HEADER)).orElse(false)) {
            throw new IllegalArgumentException(source + ": expected the header '" + HEADER + "'");
        }
        Map<String, String> emails = new HashMap<>();
        for (CsvFile.Line row : file.rows()) {
            String[] cols = row.text().split(",");
            if (cols.length != 2 || !cols[1].contains("@")) {
                throw new IllegalArgumentException(source + " line " + row.number() + ": expected party_id,email");
            }
            emails.put(cols[0].strip(), cols[1].strip());
        }
        return new CsvPartyContacts(emails);
    }

    @Override
    public Optional<String> email(String partyId) {
        return Optional.ofNullable(emails.get(partyId));
    }
}
