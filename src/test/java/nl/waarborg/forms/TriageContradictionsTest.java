package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.waarborg.process.TriageAnswers;
import org.junit.jupiter.api.Test;

class TriageContradictionsTest {

    static java.util.List<FormViolation> check(Map<String, Object> changes) {
        return TriageContradictions.check(TriageAnswers.with(changes)::get);
    }

    @Test
    void theNeutralPreScanHasNoContradiction() {
        assertThat(TriageContradictions.check(TriageAnswers.neutral()::get)).isEmpty();
        assertThat(TriageContradictions.check(Map.<String, Object>of()::get)).isEmpty();
    }

    @Test
    void profilingWithoutPersonalDataIsRefusedInDutchAndEnglish() {
        assertThat(check(Map.of("profilesPersons", "YES", "edpbEvaluationScoring", "YES")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("processesPersonalData");
                    assertThat(v.problem()).isEqualTo(FormViolation.Problem.CONTRADICTION);
                    assertThat(v.label()).contains("Profilering is altijd een verwerking van persoonsgegevens");
                    assertThat(v.message()).contains("'processesPersonalData'").contains("GDPR Art. 4(4)");
                });
    }

    @Test
    void profilingIsEvaluationOrScoring() {
        assertThat(check(Map.of("profilesPersons", "YES", "processesPersonalData", "YES")))
                .extracting(FormViolation::field)
                .containsExactly("edpbEvaluationScoring");
    }

    @Test
    void gdprFactsPresumePersonalData() {
        for (String fact : TriageContradictions.PERSONAL_DATA_FACTS) {
            Map<String, Object> changes = new java.util.HashMap<>(Map.of(fact, "YES"));
            if (fact.equals("edpbAutomatedDecision")) {
                changes.put("legalEffects", "YES");
            }
            assertThat(check(changes))
                    .as(fact)
                    .extracting(FormViolation::field)
                    .containsExactly("processesPersonalData");
        }
        assertThat(check(Map.of("dpaListType", "HEALTH_DATA")))
                .extracting(FormViolation::field)
                .containsExactly("processesPersonalData");
    }

    @Test
    void aiOnlyQuestionsPresumeAnAiSystem() {
        for (String fact : TriageContradictions.AI_ONLY_FACTS) {
            assertThat(check(Map.of(fact, "YES")))
                    .as(fact)
                    .extracting(FormViolation::field)
                    .containsExactly(fact);
        }
        assertThat(check(Map.of("prohibitedPractice", "FACE_SCRAPING")))
                .extracting(FormViolation::field)
                .containsExactly("prohibitedPractice");
        assertThat(check(Map.of("isAiSystem", "YES", "prohibitedPractice", "FACE_SCRAPING")))
                .isEmpty();
    }

    @Test
    void automatedDecisionsNeedLegalEffects() {
        assertThat(check(Map.of("processesPersonalData", "YES", "edpbAutomatedDecision", "YES")))
                .extracting(FormViolation::field)
                .containsExactly("legalEffects");
    }

    @Test
    void weetIkNietNeverContradicts() {
        assertThat(check(Map.of(
                        "profilesPersons", "UNKNOWN",
                        "processesPersonalData", "UNKNOWN",
                        "edpbEvaluationScoring", "UNKNOWN",
                        "prohibitedPractice", "UNKNOWN",
                        "transparencyInteraction", "UNKNOWN",
                        "dpaListType", "UNKNOWN")))
                .isEmpty();
        assertThat(check(Map.of("isAiSystem", "UNKNOWN", "transparencyInteraction", "YES")))
                .isEmpty();
    }
}
