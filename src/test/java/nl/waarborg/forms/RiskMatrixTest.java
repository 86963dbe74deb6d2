package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskMatrixTest {

    /** The whole matrix of ADR 0046: likelihood x impact, each 1-3; 1-2 low, 3-4 medium, 6-9 high. */
    @ParameterizedTest
    @CsvSource({
        "LOW,LOW,LOW",
        "LOW,MEDIUM,LOW",
        "LOW,HIGH,MEDIUM",
        "MEDIUM,LOW,LOW",
        "MEDIUM,MEDIUM,MEDIUM",
        "MEDIUM,HIGH,HIGH",
        "HIGH,LOW,MEDIUM",
        "HIGH,MEDIUM,HIGH",
        "HIGH,HIGH,HIGH"
    })
    void theLevelFollowsFromLikelihoodTimesImpact(String likelihood, String impact, String level) {
        assertThat(RiskMatrix.level(likelihood, impact)).hasValue(level);
    }

    @Test
    void noLevelWithoutBothSteps() {
        assertThat(RiskMatrix.level(null, "HIGH")).isEmpty();
        assertThat(RiskMatrix.level("HIGH", "VERY_HIGH")).isEmpty();
    }

    @Test
    void savedRowsGetTheDerivedLevelWhateverTheyCarried() {
        Object stamped = RiskMatrix.withLevels(List.of(
                Map.of("riskId", "R1", "likelihood", "LOW", "impact", "LOW", "level", "HIGH"),
                Map.of("riskId", "R2", "likelihood", "HIGH", "impact", "MEDIUM"),
                Map.of("riskId", "R3", "level", "MEDIUM")));
        assertThat(stamped)
                .isEqualTo(List.of(
                        Map.of("riskId", "R1", "likelihood", "LOW", "impact", "LOW", "level", "LOW"),
                        Map.of("riskId", "R2", "likelihood", "HIGH", "impact", "MEDIUM", "level", "HIGH"),
                        Map.of("riskId", "R3", "level", "MEDIUM")));
        assertThat(RiskMatrix.withLevels(null)).isNull();
    }

    @Test
    void aGivenLevelThatContradictsTheMatrixIsRefusedNamingItsRow() {
        List<Map<String, String>> rows = List.of(
                Map.of("riskId", "R1", "likelihood", "MEDIUM", "impact", "HIGH", "level", "HIGH"),
                Map.of("riskId", "R2", "likelihood", "LOW", "impact", "LOW"),
                Map.of("riskId", "R3", "likelihood", "LOW", "impact", "HIGH", "level", "LOW"));
        List<FormViolation> found = RiskMatrix.contradictions(k -> "sectionCRisks".equals(k) ? rows : null);
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("sectionCRisks[2].level");
            assertThat(v.row()).isEqualTo(3);
            assertThat(v.label()).contains("gemiddeld").contains("niet laag");
            assertThat(v.message()).contains("LOW x HIGH = MEDIUM");
        });
        assertThat(RiskMatrix.contradictions(k -> null)).isEmpty();
    }

    @Test
    void theGridPlacesEachRiskByNumberHighLikelihoodFirst() {
        List<RiskMatrix.Row> grid = RiskMatrix.grid(List.of(
                Map.of("riskId", "R1", "likelihood", "HIGH", "impact", "LOW"),
                Map.of("riskId", "R2", "likelihood", "HIGH", "impact", "LOW"),
                Map.of("likelihood", "LOW", "impact", "HIGH"),
                Map.of("riskId", "R4", "likelihood", "UNKNOWN", "impact", "HIGH")));
        assertThat(grid).extracting(RiskMatrix.Row::likelihood).containsExactly("HIGH", "MEDIUM", "LOW");
        assertThat(grid.get(0).cells().get(0)).isEqualTo(new RiskMatrix.Cell("LOW", "MEDIUM", List.of("R1", "R2")));
        assertThat(grid.get(2).cells().get(2)).isEqualTo(new RiskMatrix.Cell("HIGH", "MEDIUM", List.of("#3")));
        assertThat(grid.get(1).cells()).allSatisfy(c -> assertThat(c.riskIds()).isEmpty());
        assertThat(RiskMatrix.grid(List.of(Map.of("riskId", "R1")))).isEmpty();
        assertThat(RiskMatrix.grid(null)).isEmpty();
    }
}
