package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a gate decision from a form value, a process variable or a stored signature. */
class DecisionTest {

    @Test
    void anOutcomeThatWasNeverSetIsNoDecision() {
        // A round where only the DPIA ran has no IAMA outcome: CycleRounds asks whether it was rejected all the same.
        assertThat(Decision.REJECTED.is(null)).isFalse();
        assertThat(Decision.SENT_BACK.is(null)).isFalse();
        assertThat(Decision.approves(null)).isFalse();
    }

    @Test
    void aDecisionIsReadByItsNameWithoutSurroundingSpace() {
        assertThat(Decision.REJECTED.is(" REJECTED ")).isTrue();
        assertThat(Decision.REJECTED.is("rejected")).isFalse();
        assertThat(Decision.approves("APPROVED_WITH_CONDITIONS")).isTrue();
        assertThat(Decision.approves("SENT_BACK")).isFalse();
    }
}
