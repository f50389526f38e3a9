package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub pointed at a directory of published CPT schemas instead of its bundled ones
 * ({@code onewindow.schemas.dir}): declarations, derived messages and replies all validate against the
 * published set. Runs where the reference set is beside the project ({@code ../shared/cpt-reference}).
 */
class PublishedSchemasIT {
    private static final Path PUBLISHED = Path.of(System.getProperty("onewindow.cpt-reference", "../shared/cpt-reference/schemas"));

    @Test
    void aDeclarationGoesThroughOnThePublishedSchemas(@TempDir Path dataDir) throws Exception {
        assumeTrue(Files.isDirectory(PUBLISHED), "No published schema set at " + PUBLISHED + "; the bundled set is tested elsewhere");
        Properties published = new Properties();
        published.setProperty("onewindow.schemas.dir", PUBLISHED.toAbsolutePath().toString());
        try (TestHub hub = new TestHub(dataDir, published).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters("PUBLISHED");
            HubClient.Answer answer = client.post(Files.readAllBytes(Path.of("samples/NX5105/valid/food-liquor.xml")),
                    "application/xml", "PUBLISHED");
            assertThat(answer.status()).isEqualTo(202);
            List<String> types = new ArrayList<>();
            while (!types.containsAll(List.of("NX5106", "NX602", "NX302_DN", "N5116"))) {
                HubClient.Received reply = client.receive("PUBLISHED", Duration.ofSeconds(30));
                assertThat(reply).as("replies so far " + types).isNotNull();
                types.add(reply.messageType());
            }
            assertThat(types).doesNotContain("NX903");
            assertThat(client.get("/api/v1/messages/" + answer.json().get("hubId").asText()).get("version").asText())
                    .isEqualTo("R-08-00");
        }
    }
}
