package org.onewindow.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customs-only sample declaration (importer 24536806, broker box K73) under declaration numbers a test hands out
 * from its own range, so each test opens a case of its own.
 */
final class SampleDeclaration {
    private static final Path SAMPLE = Path.of("samples/NX5105/valid/customs-only.xml");
    private static final Pattern DECLARATION_ID = Pattern.compile("(<ID>)([^<]{14})(</ID>)");

    private final AtomicInteger serial;

    /** Numbers {@code AA  14K73<serial>}, from {@code firstSerial} on (five digits). */
    SampleDeclaration(int firstSerial) {
        this.serial = new AtomicInteger(firstSerial);
    }

    String nextNumber() {
        return "AA  14K73" + String.format("%05d", serial.getAndIncrement());
    }

    /** The sample with this declaration number, unsigned. */
    static byte[] withNumber(String number) {
        try {
            String xml = Files.readString(SAMPLE);
            Matcher m = DECLARATION_ID.matcher(xml);
            if (!m.find()) {
                throw new IllegalStateException(SAMPLE + " has no declaration number");
            }
            return (xml.substring(0, m.start(2)) + number + xml.substring(m.end(2))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
