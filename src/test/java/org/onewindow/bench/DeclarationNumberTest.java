package org.onewindow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.admit.CheckDeclarationNumber;

class DeclarationNumberTest {

    @Test
    void serialsBeyondFiveDigitsMoveToTheNextBrokerBoxAndStayWellFormed() {
        assertThat(DeclarationFactory.number(10_001)).isEqualTo("AA  14K7310001");
        assertThat(DeclarationFactory.number(372_005)).isEqualTo("AA  14K7672005");
        for (int serial : new int[] {0, 99_999, 100_000, 372_005, 2_699_999}) {
            String number = DeclarationFactory.number(serial);
            assertThat(CheckDeclarationNumber.wellFormed(number)).as(number).isTrue();
            assertThat(DeclarationFactory.NUMBER.matcher(number).matches()).as(number).isTrue();
            assertThat(DeclarationFactory.serialOf(number)).isEqualTo(serial);
        }
    }
}
