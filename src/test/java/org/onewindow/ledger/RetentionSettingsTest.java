package org.onewindow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The retention settings as an operator writes them, and the values that would make no sense refused at start. */
class RetentionSettingsTest {
    private static final Path DATA = Path.of("data");

    @Test
    void defaultsArchiveAfterThirtyDaysIntoTheDataDirectory() {
        RetentionSettings settings = settings(new Properties());
        assertThat(settings.archiveAfter()).contains(Duration.ofDays(30));
        assertThat(settings.archiveDir()).isEqualTo(DATA.resolve("message-archive"));
        assertThat(settings.perFile()).isEqualTo(5000);
    }

    @Test
    void offKeepsEveryBodyAndADirectoryCanBeNamed() {
        Properties p = new Properties();
        p.setProperty("onewindow.retention.archive-after", "OFF");
        p.setProperty("onewindow.retention.archive-dir", "/srv/archive");
        p.setProperty("onewindow.retention.bodies-per-file", "200");
        RetentionSettings settings = settings(p);
        assertThat(settings.archiveAfter()).isEmpty();
        assertThat(settings.archiveDir()).isEqualTo(Path.of("/srv/archive"));
        assertThat(settings.perFile()).isEqualTo(200);
    }

    @Test
    void aZeroOrNegativePeriodOrFileSizeIsRefused() {
        assertThatThrownBy(() -> settings(with("onewindow.retention.archive-after", "PT0S")))
                .hasMessageContaining("positive ISO-8601 duration (P30D, PT12H) or off, not PT0S");
        assertThatThrownBy(() -> settings(with("onewindow.retention.archive-after", "-P1D")))
                .hasMessageContaining("not -P1D");
        assertThatThrownBy(() -> settings(with("onewindow.retention.bodies-per-file", "0")))
                .hasMessageContaining("bodies-per-file must be at least 1, not 0");
    }

    private static Properties with(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private static RetentionSettings settings(Properties p) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(p);
        return RetentionSettings.from(context, DATA);
    }
}
