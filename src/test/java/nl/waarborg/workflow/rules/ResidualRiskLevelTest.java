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
}
