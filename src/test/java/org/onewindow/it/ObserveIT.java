package org.onewindow.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onewindow.admit.AdmitMessage;
import org.slf4j.LoggerFactory;

/**
 * What an operator's tools see of a running hub: the unauthenticated health probes (UP/DOWN per component, 503
 * naming what is down), the Prometheus metrics after real traffic, and log lines that name the message.
 */
class ObserveIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthSaysUpOrDownPerComponentAndNothingMore(@TempDir Path dataDir) throws Exception {
        try (TestHub hub = new TestHub(dataDir, new Properties()).start()) {
            HttpResponse<String> live = get(hub, "/observe/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(live.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\",\"components\":{\"camel\":\"UP\"}}"));
            HttpResponse<String> ready = get(hub, "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\",\"components\":"
                    + "{\"broker\":\"UP\",\"database\":\"UP\",\"routes\":\"UP\",\"schemas\":\"UP\",\"disk\":\"UP\"}}"));

            hub.context().getRouteController().stopRoute("correlateReply");
            HttpResponse<String> notReady = get(hub, "/observe/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            JsonNode down = JSON.readTree(notReady.body());
            assertThat(down.get("status").asText()).isEqualTo("DOWN");
            assertThat(down.get("components").get("routes").asText()).isEqualTo("DOWN");
            assertThat(down.get("components").get("broker").asText()).isEqualTo("UP");
            assertThat(get(hub, "/observe/health/live").statusCode()).as("a stopped route needs no restart").isEqualTo(200);

            hub.context().getRouteController().startRoute("correlateReply");
            assertThat(get(hub, "/observe/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metricsCountMessagesTimeStagesAndShowQueuesAndLogLinesNameTheMessage(@TempDir Path dataDir) throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger admission = (Logger) LoggerFactory.getLogger(AdmitMessage.class);
        logged.start();
        admission.addAppender(logged);
        try (TestHub hub = new TestHub(dataDir, new Properties()).start(); HubClient client = new HubClient(hub)) {
            client.delegateSampleImporters("BROKEROB");
            String party = client.party("BROKEROB").partyId();
            client.post(Files.readAllBytes(Path.of("samples/NX5105/valid/food-liquor.xml")), "application/xml", "BROKEROB");
            String rejected = client.post(Files.readAllBytes(Path.of("samples/NX5105/invalid/B101-declaration-number-format.xml")),
                    "application/xml", "BROKEROB").json().get("hubId").asText();

            // meters outlive a hub in one JVM (Micrometer's global registry): wait for counts, not for names
            String metrics = Poll.until("the release notice and both acknowledgements counted", WAIT, () -> {
                String text = get(hub, "/observe/metrics").body();
                // replies leave on the channel the broker used (HTTP: its mailbox); agency messages on JMS
                return value(text, "onewindow_messages_out_total{channel=\"HTTP\",type=\"N5116\"}") >= 1
                        && value(text, "onewindow_messages_out_total{channel=\"HTTP\",type=\"NX5106\"}") >= 2 ? text : null;
            });
            assertThat(metrics).contains("onewindow_messages_in_total{channel=\"HTTP\",type=\"NX5105\"} 2.0")
                    .contains("onewindow_messages_in_total{channel=\"AGENCY\",type=\"NX901\"}")
                    .contains("onewindow_messages_out_total{channel=\"JMS\",type=\"NX601\"} 1.0")
                    .contains("onewindow_messages_out_total{channel=\"HTTP\",type=\"NX5106\"} 2.0")
                    .contains("onewindow_rejections_total{code=\"B101\"} 1.0");
            for (String stage : new String[] {"admit", "route", "correlate", "deliver"}) {
                assertThat(metrics).as(stage).containsPattern("onewindow_stage_seconds_count\\{stage=\"" + stage + "\"} [1-9]");
            }
            assertThat(metrics).contains("onewindow_queue_depth{queue=\"onewindow.admit\"}")
                    .contains("onewindow_queue_depth{queue=\"agency.CD\"}")
                    .contains("onewindow_parked_messages{queue=\"DLQ.onewindow.agency.replies\"} 0.0")
                    .contains("onewindow_parked_messages{queue=\"DLQ\"} 0.0")
                    .contains("camel_exchanges_total");
            assertThat(client.get("/api/v1/parties/" + party + "/messages")).isNotEmpty();

            ILoggingEvent refusal = logged.list.stream().filter(e -> e.getFormattedMessage().contains("B101")).findFirst().orElseThrow();
            assertThat(refusal.getMDCPropertyMap()).containsEntry("hubId", rejected);
        } finally {
            admission.detachAppender(logged);
        }
    }

    /** The value of one sample line of the Prometheus text, 0 when it is not there. */
    private static double value(String metrics, String sample) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).strip());
            }
        }
        return 0;
    }

    private HttpResponse<String> get(TestHub hub, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
