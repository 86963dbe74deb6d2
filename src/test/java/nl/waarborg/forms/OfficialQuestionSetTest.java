package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ADR 0037: the IAMA parts and DPIA sections hold the questions of IAMA v2 and the Rijksmodel DPIA v3 that issue 17
 * found missing, each with its official number in front of the label (so it shows in the form, on the version page
 * and in the PDF), required where the law requires it and "aanbevolen" otherwise.
 */
class OfficialQuestionSetTest {

    static final FormCatalog FORMS = new FormCatalog(new ObjectMapper());
    static final Pattern NUMBERED = Pattern.compile("^\\[\\d+(\\.[0-9A-Z]+)*([–,] ?\\d+(\\.[0-9A-Z]+)*)*\\] \\S.*");
    static final FormValidator VALIDATOR = new FormValidator();

    /** Official number → form, field key, and whether the law makes the answer required. */
    record Question(String number, String form, String key, boolean required) {}

    static final List<Question> ADDED = List.of(
            new Question("2.3.2", "iama-part-2", "part2InputDataQuality", true),
            new Question("2.3.3", "iama-part-2", "part2InputDataBias", true),
            new Question("2.5.2", "iama-part-2", "part2DataSecurity", false),
            new Question("2.5.3", "iama-part-2", "part2DataAccess", false),
            new Question("3.1.5", "iama-part-3", "part3SideEffects", false),
            new Question("3.3.1", "iama-part-3", "part3InternalCommunication", false),
            new Question("3.3.2", "iama-part-3", "part3ExternalCommunication", false),
            new Question("3.3.3", "iama-part-3", "part3CommunicationOwner", false),
            new Question("3.4.2", "iama-part-3", "part3StaffReporting", true),
            new Question("3.4.3", "iama-part-3", "part3AffectedReporting", true),
            new Question("3.4.4", "iama-part-3", "part3FunctionCreep", false),
            new Question("3.5.3", "iama-part-3", "part3PositiveEffects", false),
            new Question("3.5.6", "iama-part-3", "part3SocietalEffects", false),
            new Question("3.5.7", "iama-part-3", "part3OtherConcerns", false),
            new Question("4.1.3", "iama-part-4", "part4RealImpact", false),
            new Question("4.2.1", "iama-part-4", "part4HighRiskAi", true),
            new Question("4.2.2", "iama-part-4", "part4DpiaNeeded", true),
            new Question("4.2.3", "iama-part-4", "part4EqualTreatment", true),
            new Question("4.2.4", "iama-part-4", "part4OtherLaw", false),
            new Question("4.2.5", "iama-part-4", "part4CaseLaw", false),
            new Question("4.5.2", "iama-part-4", "part4Adjustments", false),
            new Question("5.A.1", "iama-part-5", "part5ServedInterests", true),
            new Question("5.A.2", "iama-part-5", "part5HarmedInterests", true),
            new Question("5.A.3", "iama-part-5", "part5ServedWeight", true),
            new Question("5.A.4", "iama-part-5", "part5HarmedWeight", true),
            new Question("5.A.5", "iama-part-5", "part5ServedLikelihood", true),
            new Question("5.A.6", "iama-part-5", "part5ServedNecessity", true),
            new Question("7", "dpia-section-a", "sectionADataSubjectViewsSought", true),
            new Question("7.1", "dpia-section-a", "sectionADataSubjectViews", true),
            new Question("8", "dpia-section-a", "sectionATransfersOutsideEea", true),
            new Question("8.1", "dpia-section-a", "sectionATransfers", true),
            new Question("15.1.1", "dpia-section-b", "sectionBRightAccessProcedure", true),
            new Question("15.2.1", "dpia-section-b", "sectionBRightRectificationProcedure", true),
            new Question("15.3.1", "dpia-section-b", "sectionBRightErasureProcedure", true),
            new Question("15.4.1", "dpia-section-b", "sectionBRightRestrictionProcedure", true),
            new Question("15.5.1", "dpia-section-b", "sectionBRightPortabilityProcedure", true),
            new Question("15.6.1", "dpia-section-b", "sectionBRightAutomatedDecisionProcedure", true),
            new Question("15.6", "dpia-section-b", "sectionBArt22Applies", true),
            new Question("15.7.1", "dpia-section-b", "sectionBRightObjectionProcedure", true),
            new Question("15.8.1", "dpia-section-b", "sectionBRightInformationProcedure", true));

    static FormCatalog.Form form(String id) {
        return FORMS.form(id).orElseThrow();
    }

    static FormField field(String form, String key) {
        return form(form).input(key).orElseThrow(() -> new AssertionError("no field " + form + "#" + key));
    }

    @Test
    void everyQuestionOfTheIamaAndDpiaFormsShowsItsOfficialNumber() {
        for (FormCatalog.Form form : FORMS.all()) {
            if (!form.id().startsWith("iama-part-") && !form.id().startsWith("dpia-section-")) {
                continue;
            }
            for (FormField input : form.inputs()) {
                if (input.key().endsWith("ActionPoints")) {
                    continue; // the team's own action points: no question of the model
                }
                assertThat(input.label()).as("%s#%s", form.id(), input.key()).matches(NUMBERED);
            }
        }
    }

    @Test
    void theQuestionsTheIssueFoundMissingAreThereNumberedAndRequiredAsTheLawSays() {
        for (Question q : ADDED) {
            FormField f = field(q.form(), q.key());
            assertThat(f.label()).as("%s#%s", q.form(), q.key()).startsWith("[" + q.number() + "]");
            assertThat(f.required() || f.needsARow())
                    .as("%s#%s required", q.form(), q.key())
                    .isEqualTo(q.required());
        }
        // The rows of §16 name the origin of each risk; §17.1.5 the AP's advice where the residual risk stays high.
        FormField risks = field("dpia-section-c", "sectionCRisks");
        assertThat(risks.columns())
                .anyMatch(c ->
                        c.key().equals("origin") && c.required() && c.label().startsWith("[16.1.2]"));
        FormField measures = field("dpia-section-d", "sectionDMeasures");
        assertThat(measures.columns())
                .anyMatch(c ->
                        c.key().equals("apAdvice") && !c.required() && c.label().startsWith("[17.1.5]"));
    }

    @Test
    void whatIsOnlyRecommendedSaysSoAndWhatIsRequiredNamesItsSource() throws Exception {
        Map<String, String> descriptions = new HashMap<>();
        for (String id : List.of(
                "iama-part-2", "iama-part-3", "iama-part-4", "iama-part-5", "dpia-section-a", "dpia-section-b")) {
            var json = new ObjectMapper().readTree(getClass().getResourceAsStream("/forms/" + id + ".form"));
            json.path("components")
                    .forEach(c -> descriptions.put(
                            c.path("key").asText(), c.path("description").asText()));
        }
        for (Question q : ADDED) {
            if (q.key().equals("sectionATransfers")) {
                continue; // a list: its description says when it is required (a transfer outside the EEA)
            }
            assertThat(descriptions.get(q.key()))
                    .as("description of %s", q.key())
                    .startsWith(q.required() ? "Verplicht:" : "Aanbevolen:");
            if (q.required()) {
                assertThat(descriptions.get(q.key()))
                        .as("source of %s", q.key())
                        .containsPattern("art\\. \\d");
            }
        }
    }

    @Test
    void conditionalQuestionsAreRequiredOnlyWhereTheyApply() {
        Map<String, Object> a = new HashMap<>(Fixtures.dpiaSection('a'));
        assertThat(problems("dpia-section-a", a)).isEmpty();
        a.put("sectionADataSubjectViewsSought", "NOT_APPROPRIATE");
        assertThat(problems("dpia-section-a", a)).containsExactly("sectionADataSubjectViewsNotSought REQUIRED");
        a.put("sectionADataSubjectViewsNotSought", "Anonieme gegevens; geen aanwijsbare betrokkenen");
        a.put("sectionATransfersOutsideEea", "YES");
        assertThat(problems("dpia-section-a", a)).containsExactly("sectionATransfers NO_ROW");

        Map<String, Object> b = new HashMap<>(Fixtures.dpiaSection('b'));
        assertThat(problems("dpia-section-b", b)).isEmpty();
        b.put("sectionBArt22Applies", "YES");
        b.put("sectionBRightErasureRestricted", true);
        b.put("sectionBRightInformationProcedure", "NO");
        b.remove("sectionBRightInformationExplanation");
        assertThat(problems("dpia-section-b", b))
                .containsExactlyInAnyOrder(
                        "sectionBArt22Ground REQUIRED",
                        "sectionBArt22Safeguards REQUIRED",
                        "sectionBRightErasureRestrictionGround REQUIRED",
                        "sectionBRightInformationExplanation REQUIRED");
    }

    @Test
    void aVersionSignedBeforeTheNewQuestionsStaysReadableAsSigned() {
        Map<String, Object> signed = Map.of("part2AlgorithmType", "RULE_BASED", "part2ProductionData", "Aanvragen");
        assertThat(FORMS.readableAnswers("iama-part-2", signed))
                .containsOnlyKeys("part2AlgorithmType", "part2ProductionData")
                .containsEntry("part2ProductionData", "Aanvragen");
    }

    private static List<String> problems(String form, Map<String, Object> answers) {
        return VALIDATOR.check(form(form), answers::get).stream()
                .map(p -> p.field() + " " + p.problem())
                .toList();
    }
}
