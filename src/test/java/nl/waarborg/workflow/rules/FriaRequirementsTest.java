package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FriaRequirementsTest {

    static Map<String, Object> part3() {
        Map<String, Object> values = new HashMap<>();
        values.put("part3DeployerProcess", "Intake van aanvragen");
        values.put("part3UsePeriodFrequency", "Dagelijks");
        values.put("part3AffectedGroups", "Aanvragers");
        values.put("part3HumanOversight", "Consulent beslist");
        return values;
    }

    static Optional<FieldProblem> check(String form, Map<String, Object> values) {
        return FriaRequirements.problem(form, values::get);
    }

    @Test
    void allSixElementsOfArticle27AreAskedInPartsThreeAndFour() {
        assertThat(FriaRequirements.ELEMENTS.get("iama-part-3").values())
                .extracting(e -> e.substring(0, 3))
                .containsExactly("(a)", "(b)", "(c)", "(e)");
        assertThat(FriaRequirements.ELEMENTS.get("iama-part-4").values())
                .extracting(e -> e.substring(0, 3))
                .containsExactly("(d)", "(f)");
    }

    @Test
    void aPartWithAllElementsPasses() {
        assertThat(check("iama-part-3", part3())).isEmpty();
        assertThat(check(
                        "iama-part-4",
                        Map.of("part4SpecificRisks", "Discriminatie", "part4RiskResponse", "Klachtenregeling")))
                .isEmpty();
    }

    @Test
    void anEmptyOrBlankElementIsNamedWithItsField() {
        Map<String, Object> values = part3();
        values.put("part3AffectedGroups", "  ");
        assertThat(check("iama-part-3", values))
                .contains(
                        new FieldProblem(
                                "part3AffectedGroups",
                                "The FRIA (AI-verordening art. 27 lid 1) needs (c) categorieën betrokken personen en groepen [part3AffectedGroups]."));
        values.remove("part3AffectedGroups");
        assertThat(check("iama-part-3", values)).map(FieldProblem::field).contains("part3AffectedGroups");
    }

    @Test
    void allMissingElementsAreNamedAndTheFirstIsTheField() {
        Map<String, Object> values = part3();
        values.remove("part3UsePeriodFrequency");
        values.put("part3HumanOversight", "");
        assertThat(check("iama-part-3", values))
                .contains(new FieldProblem(
                        "part3UsePeriodFrequency",
                        "The FRIA (AI-verordening art. 27 lid 1) needs (b) periode en frequentie van gebruik [part3UsePeriodFrequency];"
                                + " (e) maatregelen voor menselijk toezicht [part3HumanOversight]."));
        assertThat(check("iama-part-4", Map.of())).map(FieldProblem::field).contains("part4SpecificRisks");
    }

    @Test
    void anyNonBlankValueCounts() {
        Map<String, Object> values = part3();
        values.put("part3UsePeriodFrequency", 12);
        assertThat(check("iama-part-3", values)).isEmpty();
    }

    @Test
    void otherFormsHoldNoElements() {
        assertThat(check("iama-part-1", Map.of())).isEmpty();
        assertThat(check("dpia-section-a", Map.of())).isEmpty();
    }
}
