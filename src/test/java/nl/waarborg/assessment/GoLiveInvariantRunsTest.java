package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which assessments a round runs, as the go-live invariant reads the triage outcome (issue 16). */
class GoLiveInvariantRunsTest {

    @Test
    void aRecommendedIamaRunsButARecommendationDoesNotStartADpia() {
        Map<String, Object> recommended =
                Map.of("iamaRequired", false, "dpiaRequired", false, "iamaAdvice", "RECOMMENDED");
        assertThat(GoLiveInvariant.runs(AssessmentType.IAMA, recommended)).isEqualTo(true);
        assertThat(GoLiveInvariant.runs(AssessmentType.DPIA, recommended)).isEqualTo(false);
    }

    @Test
    void withoutARecommendationTheRequirementDecides() {
        assertThat(GoLiveInvariant.runs(AssessmentType.IAMA, Map.of("iamaRequired", false, "iamaAdvice", "NONE")))
                .isEqualTo(false);
        assertThat(GoLiveInvariant.runs(AssessmentType.IAMA, Map.of("iamaRequired", true, "iamaAdvice", "RECOMMENDED")))
                .isEqualTo(true);
        assertThat(GoLiveInvariant.runs(AssessmentType.DPIA, Map.of("dpiaRequired", true)))
                .isEqualTo(true);
        assertThat(GoLiveInvariant.runs(AssessmentType.IAMA, Map.of("iamaAdvice", "RECOMMENDED")))
                .isNull();
    }
}
