package org.onewindow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
    @Test
    void readsBytesAndBinaryUnitsInAnyCase() {
        assertThat(ByteSize.parse("4096")).isEqualTo(4096);
        assertThat(ByteSize.parse("64KB")).isEqualTo(64 * 1024);
        assertThat(ByteSize.parse(" 512 mb ")).isEqualTo(512L * 1024 * 1024);
        assertThat(ByteSize.parse("1GB")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("2TB")).isEqualTo(2L << 40);
        assertThat(ByteSize.parse("0")).isZero();
    }

    @Test
    void refusesWhatIsNotASizeNamingTheForm() {
        assertThatThrownBy(() -> ByteSize.parse("1.5GB")).hasMessageContaining("1GB, 512MB");
        assertThatThrownBy(() -> ByteSize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("9999999TB")).isInstanceOf(ArithmeticException.class);
    }
}
