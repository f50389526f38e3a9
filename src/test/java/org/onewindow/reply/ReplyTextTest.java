package org.onewindow.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onewindow.message.ErrorCode;

class ReplyTextTest {

    @Test
    void keepsAShortTextOnOneLine() {
        assertThat(ReplyText.fit("line 3:\n\t element  missing ", 512)).isEqualTo("line 3: element missing");
    }

    @Test
    void cutsALongTextWithAnEllipsis() {
        assertThat(ReplyText.fit("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(ReplyText.fit("abc defghij", 5)).isEqualTo("abc…");
    }

    @Test
    void neverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00";
        assertThat(ReplyText.fit("abc" + emoji + "def", 5)).isEqualTo("abc…");
        assertThat(ReplyText.fit("ab" + emoji + "def", 5)).isEqualTo("ab" + emoji + "…");
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        assertThat(ReplyText.fit("a\u0000b\u0007c\uFFFE", 10)).isEqualTo("a b c");
        assertThat(ReplyText.code("AA  001\u00011112347", 14)).isEqualTo("AA  0011112347");
    }

    @Test
    void keepsTheInnerBlanksOfAnIdentifier() {
        assertThat(ReplyText.code("AA  0011112347", 20)).isEqualTo("AA  0011112347");
        assertThat(ReplyText.code("B104-extra", 4)).isEqualTo("B104");
    }

    @Test
    void writesTimesInTaiwanWithoutAnOffset() {
        assertThat(ReplyText.dateTime(Instant.parse("2025-11-24T17:30:05Z"))).isEqualTo("2025-11-25T01:30:05");
    }

    @Test
    void rejectionTextJoinsCodeCatalogueAndDetail() {
        assertThat(new Rejection(ErrorCode.FUNCTION_CODE_NOT_ALLOWED, " FunctionCode is '7' ").text())
                .isEqualTo("B102 FunctionCode must be 9 (new), 5 (replace) or 1 (delete): FunctionCode is '7'");
        assertThat(new Rejection(ErrorCode.EMPTY_MESSAGE, " ").text()).isEqualTo("W009 The message is empty");
        assertThat(Rejection.agencySilent("VP", null, Duration.ofHours(2)).detail())
                .isEqualTo("Agency VP has not answered the declaration within 2 hours");
        assertThat(Rejection.agencySilent("DN", "12345675SW2511240002", Duration.ofSeconds(90)).detail())
                .isEqualTo("Agency DN has not answered application 12345675SW2511240002 within 90 seconds");
    }
}
