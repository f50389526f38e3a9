package org.onewindow.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.ParserConfigurationException;
import org.onewindow.schema.SecureXml;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Key material issued once per test run by one demo CA, and the hardened parser the hub uses. */
final class TrustFixtures {
    static final Path SAMPLES = Path.of("samples");
    static final Path SIXTY_ITEMS = SAMPLES.resolve("NX5105/valid/all-agencies-60-items.xml");
    static final Path FOOD_LIQUOR = SAMPLES.resolve("NX5105/valid/food-liquor.xml");
    static final Path CUSTOMS_ONLY = SAMPLES.resolve("NX5105/valid/customs-only.xml");

    private TrustFixtures() {
    }

    /** The test CA and two parties, an EC one and an RSA one; key generation is slow, so once per JVM. */
    static final class Keys {
        static final DemoCertificateAuthority CA =
                DemoCertificateAuthority.create("CN=OneWindow Test CA,O=OneWindow", KeyType.EC_P256, Duration.ofDays(30));
        static final KeyMaterial EC = CA.issue("CN=12345675,O=Formosa Foods", KeyType.EC_P256, Duration.ofDays(30));
        static final KeyMaterial RSA = CA.issue("CN=16151437,O=Ocean Customs Brokers", KeyType.RSA_2048, Duration.ofDays(30));

        private Keys() {
        }
    }

    static Document parse(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static Document parse(byte[] xml) throws IOException {
        try {
            return SecureXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot parse the test document", e);
        }
    }
}
