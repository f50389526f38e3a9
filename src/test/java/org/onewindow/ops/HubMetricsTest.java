package org.onewindow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HubMetricsTest {

    @Test
    void countsByTagsAndTimesStagesInAPublishedRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HubMetrics.publishTo(registry);
        try {
            HubMetrics.messageIn("NX5105", "HTTP");
            HubMetrics.messageIn("NX5105", "HTTP");
            HubMetrics.messageIn(null, "JMS");
            HubMetrics.rejected("W004");
            HubMetrics.Stage.ROUTE.since(System.nanoTime());

            assertThat(registry.get("onewindow.messages.in").tags("type", "NX5105", "channel", "HTTP").counter().count()).isEqualTo(2);
            assertThat(registry.get("onewindow.messages.in").tags("type", "unknown", "channel", "JMS").counter().count()).isEqualTo(1);
            assertThat(registry.get("onewindow.rejections").tags("code", "W004").counter().count()).isEqualTo(1);
            assertThat(registry.get("onewindow.stage").tags("stage", "route").timer().count()).isEqualTo(1);
        } finally {
            HubMetrics.withdrawFrom(registry);
        }
    }
}
