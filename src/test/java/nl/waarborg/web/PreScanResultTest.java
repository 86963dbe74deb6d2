package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreScanResultTest {

    @Test
    void oneVerdictPerAssessmentFromTheDecisionsAdviceWithItsReason() {
        PreScanResult result = PreScanResult.of(Map.of(
                "dpiaAdvice", "REQUIRED",
                "dpiaGround", "DPIA verplicht (AVG art. 35 lid 4)",
                "dpiaRequired", true,
                "dpiaRecommended", false,
                "iamaAdvice", "RECOMMENDED",
                "iamaReason", "IAMA aanbevolen: impactvol algoritme",
                "aiActClass", "MINIMAL",
                "annexIiiPoint", " "));
        assertThat(result.verdicts())
                .containsExactly(
                        new PreScanResult.Verdict("DPIA", "REQUIRED", "DPIA verplicht (AVG art. 35 lid 4)"),
                        new PreScanResult.Verdict("IAMA", "RECOMMENDED", "IAMA aanbevolen: impactvol algoritme"));
        assertThat(result.facts()).containsExactly(new PreScanResult.Fact("aiActClass", "MINIMAL"));
        assertThat(result.stopped()).isFalse();
    }

    @Test
    void anOutcomeWithoutAdviceIsReadFromItsFlagsStrictly() {
        Map<String, Object> old = new HashMap<>();
        old.put("dpiaRequired", false);
        old.put("dpiaRecommended", true);
        old.put("triageStop", true);
        old.put("triageStopReason", "Verboden (art. 5)");
        PreScanResult result = PreScanResult.of(old);
        assertThat(result.verdicts())
                .extracting(PreScanResult.Verdict::advice)
                .containsExactly("RECOMMENDED", "REQUIRED"); // no IAMA flag at all: read as required
        assertThat(result.stopped()).isTrue();
        assertThat(result.stopReason()).isEqualTo("Verboden (art. 5)");
        old.put("iamaRequired", false);
        assertThat(PreScanResult.of(old).verdicts().get(1).advice()).isEqualTo("NOT_REQUIRED");
    }
}
