package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskReferencesTest {

    static final List<Map<String, String>> RISKS =
            List.of(Map.of("riskId", "R1"), Map.of("riskId", "R2"), Map.of("riskId", " R3 "));

    @Test
    void aMeasureForARiskSectionCDoesNotHaveIsRefusedNamingItsRow() {
        List<FormViolation> found = RiskReferences.check(
                List.of(Map.of("riskId", "R1", "measure", "Toets"), Map.of("riskId", "R7", "measure", "Logging")),
                RISKS);
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("sectionDMeasures[1].riskId");
            assertThat(v.row()).isEqualTo(2);
            assertThat(v.label()).contains("‘R7’").contains("R1, R2, R3");
            assertThat(v.message()).contains("'R7'").contains("sectionCRisks");
        });
    }

    @Test
    void numbersCompareTrimmedAndIgnoringCase() {
        assertThat(RiskReferences.check(List.of(Map.of("riskId", "r3 "), Map.of("riskId", "R2")), RISKS))
                .isEmpty();
    }

    @Test
    void withoutRisksInSectionCEveryReferenceIsRefusedAndAMissingNumberIsLeftToTheFormCheck() {
        assertThat(RiskReferences.check(List.of(Map.of("riskId", "R1")), null))
                .singleElement()
                .satisfies(v -> assertThat(v.label()).contains("wel: geen"));
        assertThat(RiskReferences.check(List.of(Map.of("measure", "Toets")), List.of()))
                .isEmpty();
        assertThat(RiskReferences.check(null, RISKS)).isEmpty();
    }
}
