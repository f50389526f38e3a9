package org.onewindow.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request bound lets through every submit a message of the size limit can make, however its base64 is wrapped. */
class SoapSizeLimitTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 65_536, 10_485_760})
    void aSubmitOfTheLargestMessageFitsUnderTheBound(int maxBytes) {
        byte[] message = new byte[maxBytes];
        // the longest encoding xs:base64Binary allows a client: MIME lines of 76 characters ending in CR LF
        String base64 = Base64.getMimeEncoder().encodeToString(message);
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  <soap:Header/>\n  <soap:Body>\n"
                + "    <ow:submit xmlns:ow=\"urn:onewindow:soap:v1\">\n      <message>" + base64 + "</message>\n"
                + "    </ow:submit>\n  </soap:Body>\n</soap:Envelope>\n";
        int length = request.getBytes(StandardCharsets.UTF_8).length;
        assertThat(length).isLessThanOrEqualTo(SoapSizeLimit.largestRequest(maxBytes));
        // and the bound is not much more than that: a few times the limit would let a large request fill the heap
        assertThat(SoapSizeLimit.largestRequest(maxBytes)).isLessThan(length + 70 * 1024);
    }
}
