package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatLookLikeFormulasAreDefused() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+31")).isEqualTo("'+31");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("Sociaal Domein")).isEqualTo("Sociaal Domein");
        assertThat(Csv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void formulasBehindSpacesOrACommaAreDefusedToo() {
        // A spreadsheet may trim the spaces, or split on commas (an English locale): neither may start a formula.
        assertThat(Csv.cell("  =1+1")).isEqualTo("'  =1+1");
        assertThat(Csv.cell("\n=1+1")).isEqualTo("\"'\n=1+1\"");
        assertThat(Csv.cell("Kosten,=1+1")).isEqualTo("\"Kosten,=1+1\"");
        assertThat(Csv.cell("Kosten, baten")).isEqualTo("\"Kosten, baten\"");
    }

    @Test
    void rowsAreSemicolonSeparatedWithByteOrderMark() {
        assertThat(Csv.write(List.of(List.of("a", "b"), List.of("=1", "c")))).isEqualTo("\uFEFFa;b\r\n'=1;c\r\n");
    }
}
