package org.onewindow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.admit.CheckDeclarationNumber;

class DeclarationNumberTest {

    @Test
    void serialsMoveToTheNextBrokerBoxBeforeTheDemoAgenciesSilentOnesAndStayWellFormed() {
        assertThat(DeclarationFactory.number(10_001)).isEqualTo("AA  14K7310001");
        assertThat(DeclarationFactory.number(99_899)).isEqualTo("AA  14K7399899");
        assertThat(DeclarationFactory.number(99_900)).isEqualTo("AA  14K7400000");
        assertThat(DeclarationFactory.number(372_005)).isEqualTo("AA  14K7672305");
        for (int serial : new int[] {0, 99_899, 99_900, 372_005, 2_697_299}) {
            String number = DeclarationFactory.number(serial);
            assertThat(CheckDeclarationNumber.wellFormed(number)).as(number).isTrue();
            assertThat(DeclarationFactory.NUMBER.matcher(number).matches()).as(number).isTrue();
            assertThat(DeclarationFactory.serialOf(number)).isEqualTo(serial);
            assertThat(number.substring(9)).as("the demo agencies' silent serials").doesNotStartWith("999");
        }
    }
}
