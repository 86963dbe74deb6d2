package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class IncidentSuspensionTest {

    @Test
    void aRiskInTheSenseOfArticle79LeavesNoChoiceButSuspension() {
        assertThat(IncidentSuspension.decide("YES", "YES")).isTrue();
        assertThatThrownBy(() -> IncidentSuspension.decide("YES", "NO"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("suspendUse");
    }

    @Test
    void withoutSuchARiskSuspensionStaysAFreeReasonedDecision() {
        assertThat(IncidentSuspension.decide("NO", "YES")).isTrue();
        assertThat(IncidentSuspension.decide("NO", "NO")).isFalse();
    }

    @Test
    void bothAnswersAreRequiredAndOnlyYesOrNo() {
        for (Object bad : new Object[] {null, "", "PERHAPS", true}) {
            assertThatThrownBy(() -> IncidentSuspension.decide(bad, "YES"))
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("art79Risk");
            assertThatThrownBy(() -> IncidentSuspension.decide("NO", bad))
                    .extracting(e -> ((InvalidInputException) e).field())
                    .isEqualTo("suspendUse");
        }
    }

    @Test
    void afterAnArticle79RiskTheRiskHasChanged() {
        assertThat(IncidentSuspension.riskChanged("YES", "YES")).isTrue();
        assertThatThrownBy(() -> IncidentSuspension.riskChanged("YES", "NO"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Art. 79(1)")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("riskChanged");
        assertThat(IncidentSuspension.riskChanged("NO", "NO")).isFalse();
        assertThat(IncidentSuspension.riskChanged("NO", "YES")).isTrue();
        assertThat(IncidentSuspension.riskChanged(null, "NO")).isFalse();
        assertThatThrownBy(() -> IncidentSuspension.riskChanged("NO", "PERHAPS"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("riskChanged");
    }
}
