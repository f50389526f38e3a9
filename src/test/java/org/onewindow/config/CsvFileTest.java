package org.onewindow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    @Test
    void skipsCommentsAndBlankLinesAndKeepsLineNumbers() {
        CsvFile file = CsvFile.of(List.of("# about the table", "", "  a,b  ", "  # indented comment", "1,2", "   ", "3,4"));

        assertThat(file.header()).contains(new CsvFile.Line(3, "a,b"));
        assertThat(file.rows()).containsExactly(new CsvFile.Line(5, "1,2"), new CsvFile.Line(7, "3,4"));
    }

    @Test
    void onlyCommentsMeanNoHeaderAndNoRows() {
        CsvFile file = CsvFile.of(List.of("# nothing", ""));

        assertThat(file.header()).isEmpty();
        assertThat(file.rows()).isEmpty();
    }

    @Test
    void readsEveryLineAsUtf8() {
        byte[] csv = "a,b\n品名,2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvFile.readLines(new ByteArrayInputStream(csv), "test")).containsExactly("a,b", "品名,2");
    }
}
