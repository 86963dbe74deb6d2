package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the go-live invariant asks of the triage outcome itself, and which gates advise on which assessment. */
class GoLiveInvariantOutcomeTest {

    static GoLiveInvariant.Facts facts(Map<String, Object> outcome) {
        return new GoLiveInvariant.Facts(3, outcome, Map.of(), null);
    }

    @Test
    void aRoundWithoutAnOutcomeOrWithoutAnAnswerPerAssessmentIsRefused() {
        assertThat(GoLiveInvariant.violations(facts(null), (u, g) -> true))
                .containsExactly("round 3 has no triage outcome");
        assertThat(GoLiveInvariant.violations(facts(Map.of()), (u, g) -> true))
                .containsExactly("round 3 has no triage outcome");
        assertThat(GoLiveInvariant.violations(facts(Map.of("triageStop", false)), (u, g) -> true))
                .containsExactly(
                        "the triage of round 3 does not say whether an IAMA is required",
                        "the triage of round 3 does not say whether a DPIA is required");
        assertThat(GoLiveInvariant.violations(
                        facts(Map.of("triageStop", false, "iamaRequired", false, "dpiaRequired", false)),
                        (u, g) -> true))
                .isEmpty();
    }

    @Test
    void onlyTheIamaNeedsTheEthicsCommittee() {
        assertThat(GoLiveInvariant.adviceGates(AssessmentType.DPIA))
                .containsExactly(GoLiveInvariant.PRIVACY_OFFICER_ADVICE);
        assertThat(GoLiveInvariant.adviceGates(AssessmentType.IAMA))
                .containsExactly(GoLiveInvariant.PRIVACY_OFFICER_ADVICE, GoLiveInvariant.ETHICS_COMMITTEE_ADVICE);
    }
}
