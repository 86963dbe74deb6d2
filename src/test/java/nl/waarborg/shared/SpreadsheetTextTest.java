package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe; anything else stays as it is. */
class SpreadsheetTextTest {

    @Test
    void aFormulaBehindAnyKindOfBlankGetsAnApostrophe() {
        for (String formula : new String[] {
            "=1+1",
            "+31 20",
            "-2",
            "@SUM(A1)",
            "  =1+1",
            "\u00a0=HYPERLINK(\"x\")",
            "\u2007=1",
            "\u202f=1",
            "\u200b=1",
            "\ufeff=1",
            "\u3000=1",
            "\tx",
            "\rx",
            "\nx"
        }) {
            assertThat(SpreadsheetText.neutralised(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void plainTextAndEmptyCellsStayAsTheyAre() {
        for (String text : new String[] {"Werk", " Werk", "\u00a0Werk", "a=b", "", "e-mail@x.nl"}) {
            assertThat(SpreadsheetText.neutralised(text)).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetText.neutralised(null)).isEmpty();
    }
}
