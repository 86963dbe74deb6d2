package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AcceptedResidualRisks.Risk;
import org.junit.jupiter.api.Test;

class AcceptedResidualRisksTest {

    @Test
    void aDpiaRiskTakesTheHighestResidualRiskOfItsMeasuresAndAnUnmitigatedRiskKeepsItsLevel() {
        Map<String, Object> answers = Map.of(
                "dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        List.of(
                                Map.of("riskId", "R1", "risk", "Onterechte fraudeverdenking", "level", "HIGH"),
                                Map.of("riskId", "R2", "risk", "Datalek", "level", "HIGH"),
                                Map.of("riskId", "R3", "risk", "Te lang bewaren", "level", "MEDIUM"))),
                "dpia-section-d",
                Map.of(
                        "sectionDMeasures",
                        List.of(
                                Map.of("riskId", "R1", "measure", "Menselijke toets", "residualRisk", "LOW"),
                                Map.of("riskId", "R1", "measure", "Steekproef", "residualRisk", "MEDIUM"),
                                Map.of("riskId", "R3", "measure", "Bewaartermijn", "residualRisk", "LOW"))));
        assertThat(AcceptedResidualRisks.of(AssessmentType.DPIA, answers))
                .containsExactly(
                        new Risk("R1: Onterechte fraudeverdenking", "MEDIUM"),
                        new Risk("R2: Datalek", "HIGH"),
                        new Risk("R3: Te lang bewaren", "LOW"));
    }

    @Test
    void theIamaListsEachLineOfTheResidualRisksOfPartsFourAndFiveOnce() {
        Map<String, Object> answers = Map.of(
                "iama-part-4",
                        Map.of("part4ResidualRisks", "- Fouten bij afwijkende situaties\n- Gewenning bij medewerkers"),
                "iama-part-5", Map.of("part5ResidualRisks", "Fouten bij afwijkende situaties"));
        assertThat(AcceptedResidualRisks.of(AssessmentType.IAMA, answers))
                .containsExactly(
                        new Risk("Fouten bij afwijkende situaties", null), new Risk("Gewenning bij medewerkers", null));
        assertThat(AcceptedResidualRisks.of(AssessmentType.IAMA, Map.of())).isEmpty();
    }
}
