package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DpaAnswerRuleTest {

    @Test
    void anInfringementAnswerRefusesApprovalOfTheContentItAnsweredOn() {
        Map<String, Object> answers = Map.of(
                DpaAnswerRule.SECTION,
                DpaAnswerRule.stamp(DpaAnswerRule.SECTION, Map.of(DpaAnswerRule.OUTCOME, "INFRINGEMENT"), () -> "h1"));
        assertThat(DpaAnswerRule.refusesApproval(answers, "h1")).isTrue();
        assertThat(DpaAnswerRule.refusesApproval(answers, "h2"))
                .as("the version was reworked after the answer")
                .isFalse();
    }

    @Test
    void otherAnswersDoNotRefuse() {
        for (String outcome : new String[] {"NO_OBJECTION", "ADVICE_WITH_MEASURES"}) {
            Map<String, Object> answers = Map.of(
                    DpaAnswerRule.SECTION,
                    DpaAnswerRule.stamp(DpaAnswerRule.SECTION, Map.of(DpaAnswerRule.OUTCOME, outcome), () -> "h1"));
            assertThat(DpaAnswerRule.refusesApproval(answers, "h1")).as(outcome).isFalse();
        }
        assertThat(DpaAnswerRule.refusesApproval(Map.of(), "h1"))
                .as("no consultation")
                .isFalse();
        assertThat(DpaAnswerRule.refusesApproval(Map.of(DpaAnswerRule.SECTION, "INFRINGEMENT"), "h1"))
                .isFalse();
    }

    @Test
    void anAnswerWithoutTheHashCountsAsGivenOnTheCurrentContent() {
        Map<String, Object> answers = Map.of(DpaAnswerRule.SECTION, Map.of(DpaAnswerRule.OUTCOME, "INFRINGEMENT"));
        assertThat(DpaAnswerRule.refusesApproval(answers, "h1")).isTrue();
    }

    @Test
    void onlyTheAnswerSectionIsStamped() {
        Map<String, Object> values = Map.of("dpaSubmissionReference", "AP-1");
        assertThat(DpaAnswerRule.stamp("dpa-consultation-submit", values, () -> {
                    throw new AssertionError("the version's hash is taken only for the DPA's answer");
                }))
                .isSameAs(values);
        assertThat(DpaAnswerRule.stamp(DpaAnswerRule.SECTION, values, () -> "h1"))
                .containsEntry(DpaAnswerRule.ANSWERED_ON, "h1")
                .containsEntry("dpaSubmissionReference", "AP-1");
    }

    @Test
    void theAnswerIsShownAsCurrentOnlyOnTheContentItAnsweredOn() {
        Map<String, Object> answers = Map.of(
                DpaAnswerRule.SECTION,
                DpaAnswerRule.stamp(
                        DpaAnswerRule.SECTION,
                        Map.of(
                                DpaAnswerRule.OUTCOME,
                                "ADVICE_WITH_MEASURES",
                                DpaAnswerRule.SUMMARY,
                                "Versleutel",
                                DpaAnswerRule.DATE,
                                "2027-02-15"),
                        () -> "h1"));
        assertThat(DpaAnswerRule.answer(answers, "h1"))
                .contains(new DpaAnswer("ADVICE_WITH_MEASURES", "Versleutel", "2027-02-15", true));
        assertThat(DpaAnswerRule.answer(answers, "h2"))
                .contains(new DpaAnswer("ADVICE_WITH_MEASURES", "Versleutel", "2027-02-15", false));
        assertThat(DpaAnswerRule.answer(Map.of(), "h1")).isEmpty();
    }

    @Test
    void aReportThatIsNoAnswerCarriesNoOutcome() {
        for (String report : new String[] {DpaAnswerRule.INFORMATION_REQUESTED, DpaAnswerRule.EXTENSION}) {
            Map<String, Object> saved = DpaAnswerRule.stamp(
                    DpaAnswerRule.SECTION,
                    Map.of(report, true, DpaAnswerRule.OUTCOME, "INFRINGEMENT", DpaAnswerRule.SUMMARY, "Oud"),
                    () -> "h1");
            assertThat(saved).as(report).doesNotContainKeys(DpaAnswerRule.OUTCOME, DpaAnswerRule.SUMMARY);
            assertThat(DpaAnswerRule.answer(Map.of(DpaAnswerRule.SECTION, saved), "h1"))
                    .as(report)
                    .isEmpty();
            assertThat(DpaAnswerRule.refusesApproval(Map.of(DpaAnswerRule.SECTION, saved), "h1"))
                    .isFalse();
        }
    }
}
