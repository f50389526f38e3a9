package org.onewindow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bound on MIME base64 text holds what the JDK's MIME encoder writes, and is tight. */
class MimeBase64Test {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 56, 57, 58, 1000, 65_536, 1_048_576})
    void theBoundHoldsTheEncodedTextAndAtMostOneLineBreakMore(int bytes) {
        int written = Base64.getMimeEncoder().encode(new byte[bytes]).length;

        assertThat(MimeBase64.encodedLength(bytes)).isGreaterThanOrEqualTo(written).isLessThanOrEqualTo(written + 2);
    }
}
