package org.onewindow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObserveEndpointsTest {

    @Test
    void everyComponentUpAnswers200() {
        ObserveEndpoints.Answer answer = ObserveEndpoints.status(components(true, true));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\",\"components\":{\"broker\":\"UP\",\"database\":\"UP\"}}");
    }

    @Test
    void oneComponentDownAnswers503NamingIt() {
        ObserveEndpoints.Answer answer = ObserveEndpoints.status(components(false, true));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"status\":\"DOWN\",\"components\":{\"broker\":\"DOWN\",\"database\":\"UP\"}}");
    }

    private static Map<String, Boolean> components(boolean broker, boolean database) {
        Map<String, Boolean> components = new LinkedHashMap<>();
        components.put("broker", broker);
        components.put("database", database);
        return components;
    }
}
