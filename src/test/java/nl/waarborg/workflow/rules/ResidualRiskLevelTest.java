package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResidualRiskLevelTest {

    @Test
    void oneMeasureWithAHighResidualRiskIsEnough() {
        assertThat(ResidualRiskLevel.high(List.of(Map.of("residualRisk", "LOW"), Map.of("residualRisk", "HIGH"))))
                .isTrue();
        assertThat(ResidualRiskLevel.high(List.of(Map.of("residualRisk", "HIGH"))))
                .isTrue();
    }

    @Test
    void lowAndMediumResidualRisksNeedNoConsultation() {
        assertThat(ResidualRiskLevel.high(List.of(Map.of("residualRisk", "LOW"), Map.of("residualRisk", "MEDIUM"))))
                .isFalse();
        assertThat(ResidualRiskLevel.high(List.of())).isFalse();
        assertThat(ResidualRiskLevel.high(List.of(Map.of("risk", "HIGH"))))
                .as("a high risk that was mitigated")
                .isFalse();
    }

    @Test
    void onlyAListOfMeasuresCounts() {
        assertThat(ResidualRiskLevel.high(null)).isFalse();
        assertThat(ResidualRiskLevel.high("HIGH")).isFalse();
        assertThat(ResidualRiskLevel.high(Map.of("residualRisk", "HIGH"))).isFalse();
        assertThat(ResidualRiskLevel.high(List.of("HIGH"))).isFalse();
        assertThat(ResidualRiskLevel.high(List.of(Map.of("residualRisk", "high"))))
                .as("the form's value is upper case")
                .isFalse();
    }

    @Test
    void anUnmitigatedHighRiskOfSectionCIsAHighResidualRisk() {
        List<Map<String, String>> risks =
                List.of(Map.of("riskId", "R1", "level", "HIGH"), Map.of("riskId", "R2", "level", "MEDIUM"));
        assertThat(ResidualRiskLevel.high(risks, List.of())).isTrue();
        assertThat(ResidualRiskLevel.unmitigatedHighRisks(risks, List.of())).containsExactly("r1");
        assertThat(ResidualRiskLevel.high(
                        risks, List.of(Map.of("riskId", "R2", "measure", "Pseudonimiseren", "residualRisk", "LOW"))))
                .as("a measure for another risk does not mitigate R1")
                .isTrue();
        assertThat(ResidualRiskLevel.high(
                        risks, List.of(Map.of("riskId", "R1", "measure", " ", "residualRisk", "LOW"))))
                .as("a blank measure mitigates nothing")
                .isTrue();
    }

    @Test
    void aHighRiskWithAMeasureTakesTheMeasuresResidualRisk() {
        List<Map<String, String>> risks = List.of(Map.of("riskId", "R1", "level", "HIGH"));
        assertThat(ResidualRiskLevel.high(
                        risks, List.of(Map.of("riskId", " r1 ", "measure", "Versleutelen", "residualRisk", "LOW"))))
                .as("ids compare trimmed and ignoring case")
                .isFalse();
        assertThat(ResidualRiskLevel.high(
                        risks, List.of(Map.of("riskId", "R1", "measure", "Versleutelen", "residualRisk", "HIGH"))))
                .isTrue();
        assertThat(ResidualRiskLevel.high(List.of(Map.of("riskId", "R1", "level", "MEDIUM")), List.of()))
                .isFalse();
        assertThat(ResidualRiskLevel.high(null, null)).isFalse();
    }

    @Test
    void thePrivacyOfficerCanRequireConsultation() {
        assertThat(ResidualRiskLevel.consultationRequired(List.of(), List.of(), true))
                .isTrue();
        assertThat(ResidualRiskLevel.consultationRequired(List.of(), List.of(), false))
                .isFalse();
        assertThat(ResidualRiskLevel.consultationRequired(
                        List.of(Map.of("riskId", "R1", "level", "HIGH")), List.of(), false))
                .isTrue();
    }

    @Test
    void aRowWithoutAnIdOrWithoutAMeasureMitigatesNothing() {
        assertThat(ResidualRiskLevel.high(
                        List.of(Map.of("level", "HIGH")),
                        List.of(Map.of("measure", "Versleutelen", "residualRisk", "LOW"))))
                .as("a high risk without an id is not mitigated by a measure without an id")
                .isTrue();
        assertThat(ResidualRiskLevel.high(
                        List.of(Map.of("riskId", "R1", "level", "HIGH")),
                        List.of(Map.of("riskId", "R1", "residualRisk", "LOW"))))
                .as("a row of section D without a measure mitigates nothing")
                .isTrue();
    }
}
