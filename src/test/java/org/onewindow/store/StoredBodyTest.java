package org.onewindow.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.infra.Database;

/**
 * What the store keeps of a body, and that reading it gives back the original bytes: declarations deflated, short
 * and incompressible bodies as they came, damage reported instead of wrong bytes.
 */
class StoredBodyTest {
    @TempDir
    Path dataDir;

    @Test
    void aDeclarationIsKeptDeflatedAndReadBackExactly() throws Exception {
        byte[] declaration = Files.readAllBytes(Path.of("samples/NX5105/valid/all-agencies-60-items.xml"));

        StoredBody stored = StoredBody.of(declaration);

        assertThat(stored.compressed()).isTrue();
        assertThat(stored.bytes().length).isLessThan(declaration.length / 4);
        assertThat(roundTrip(stored)).isEqualTo(declaration);
    }

    @Test
    void shortAndIncompressibleBodiesAreKeptAsTheyCame() throws Exception {
        byte[] shortBody = "<ack/>".getBytes(UTF_8);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        for (byte[] body : new byte[][] {shortBody, noise}) {
            StoredBody stored = StoredBody.of(body);
            assertThat(stored.compressed()).isFalse();
            assertThat(stored.bytes()).isSameAs(body);
            assertThat(roundTrip(stored)).isEqualTo(body);
        }
    }

    @Test
    void aDamagedBodyIsReportedNotMisread() throws Exception {
        byte[] declaration = Files.readAllBytes(Path.of("samples/NX5105/valid/customs-only.xml"));
        StoredBody stored = StoredBody.of(declaration);
        byte[] damaged = Arrays.copyOf(stored.bytes(), stored.bytes().length);
        damaged[damaged.length / 2] ^= 0x55;
        byte[] hugeLength = Arrays.copyOf(stored.bytes(), stored.bytes().length);
        hugeLength[0] = 0x7f;

        for (byte[] bytes : new byte[][] {damaged, hugeLength}) {
            assertThatThrownBy(() -> roundTrip(new StoredBody(bytes, true)))
                    .hasRootCauseInstanceOf(java.util.zip.DataFormatException.class)
                    .hasMessageContaining("A stored message body is damaged");
        }
    }

    /** Writes the body as the store keeps it into a real database and reads it back. */
    private byte[] roundTrip(StoredBody stored) throws Exception {
        try (Database database = TestDatabases.open("h2", dataDir)) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            String hubId = UUID.randomUUID().toString();
            jdbc.update("insert into message_body (hub_id, body, compressed) values (?, ?, ?)", hubId, stored.bytes(),
                    stored.compressed());
            return StoredBody.load(jdbc, hubId).orElseThrow();
        }
    }
}
