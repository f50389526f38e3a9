package org.onewindow.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.onewindow.message.Dom;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * Writes the two signature attacks of the hostile corpus, signed with a throwaway EC key made for the
 * occasion: {@code samples/hostile/signature-wrapping.xml} and {@code samples/hostile/duplicate-ids.xml}.
 * Run once from the project folder; the files are committed and {@link HostileSignatureSamplesTest} checks them:
 * {@code ./mvnw -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.onewindow.trust.HostileSignatureSamples}.
 */
public final class HostileSignatureSamples {
    static final Path WRAPPING = Path.of("samples/hostile/signature-wrapping.xml");
    static final Path DUPLICATE_IDS = Path.of("samples/hostile/duplicate-ids.xml");
    /** The invoice amount the attacker puts in place of the signed USD 21890.00. */
    static final String FORGED_AMOUNT = "2189.00";

    private HostileSignatureSamples() {
    }

    public static void main(String[] args) throws Exception {
        KeyMaterial key = DemoCertificateAuthority.create("CN=Throwaway hostile-sample CA", KeyType.EC_P256, Duration.ofDays(3650))
                .issue("CN=12345675,O=Throwaway hostile-sample signer", KeyType.EC_P256, Duration.ofDays(3650));

        Document wrapped = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        new XmlSigner(key).sign(wrapped);
        SignatureForgery.wrapSignedOriginal(wrapped, "tw_Original", FORGED_AMOUNT);
        write(wrapped, WRAPPING, " signature wrapping: the signed customs-only declaration (InvoiceAmount 21890.00) moved into"
                + " a tw_Original wrapper under a forged copy declaring " + FORGED_AMOUNT + "; refused MISPLACED ");

        Document duplicated = TrustFixtures.parse(TrustFixtures.CUSTOMS_ONLY);
        SignatureForgery.signCopyById(duplicated, key, "declaration", true, FORGED_AMOUNT);
        write(duplicated, DUPLICATE_IDS, " duplicate IDs: the forged declaration (InvoiceAmount " + FORGED_AMOUNT + ") and the signed"
                + " original in a ds:Object both carry Id=\"declaration\", the one reference is URI=\"#declaration\";"
                + " refused NOT_WHOLE_DOCUMENT ");
    }

    /** Replaces the sample's leading comment with one saying what the file is, and writes it. */
    private static void write(Document document, Path file, String description) throws Exception {
        Node first = document.getFirstChild();
        Comment comment = document.createComment(description);
        if (first instanceof Comment) {
            document.replaceChild(comment, first);
        } else {
            document.insertBefore(comment, first);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, Dom.serialize(document));
        System.out.println("wrote " + file);
    }
}
