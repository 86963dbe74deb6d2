package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.VersionStatus;
import org.junit.jupiter.api.Test;

/** The long texts proposed from the approved IAMA and DPIA answers, within the standard's limits; no database. */
class RegisterTextsTest {

    static AssessmentVersion approved(AssessmentType type, int number, Map<String, Object> answers) {
        return new AssessmentVersion(
                type.name().toLowerCase() + "-1",
                type,
                "s1",
                number,
                VersionStatus.APPROVED,
                1,
                answers,
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                "h",
                null,
                Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-12T10:00:00Z"));
    }

    @Test
    void eachFieldComesFromTheIamaElseFromTheDpia() {
        AssessmentVersion iama = approved(
                AssessmentType.IAMA,
                2,
                Map.of(
                        "iama-part-1", Map.of("part1Goal", "Sneller beslissen."),
                        "part5Balance", "De doelen wegen op.",
                        "part4NecessitySubsidiarity", "Er is geen mildere weg.",
                        "part3HumanOversight", "Een medewerker beslist.",
                        "part4SpecificRisks", "Uitsluiting.",
                        "part1LegalBasis", "Participatiewet art. 53a"));
        AssessmentVersion dpia = approved(
                AssessmentType.DPIA,
                1,
                Map.of(
                        "sectionAPurposes",
                        "Ander doel",
                        "sectionAPersonalData",
                        "BSN en inkomen van <b>aanvragers</b>",
                        "sectionBLegalBasis",
                        "Art. 6 lid 1 onder e AVG",
                        "dpia-section-c",
                        Map.of("sectionCRisks", List.of(Map.of("risk", "Datalek", "level", "HIGH")))));

        Map<String, Object> texts =
                RegisterTexts.from(Optional.of(iama), Optional.of(dpia), "https://waarborg.gemeente.nl");

        assertThat(texts)
                .containsEntry("goal", "Sneller beslissen.")
                .containsEntry("proportionality", "De doelen wegen op.\n\nEr is geen mildere weg.")
                .containsEntry("human_intervention", "Een medewerker beslist.")
                .containsEntry("risks", "Uitsluiting.")
                .containsEntry("lawful_basis", "Participatiewet art. 53a")
                .containsEntry("source_data", "BSN en inkomen van aanvragers")
                .containsEntry(
                        "impacttoetsen",
                        "IAMA (versie 2), goedgekeurd op 12-3-2026; DPIA (versie 1), goedgekeurd op 12-3-2026.")
                .containsEntry(
                        "impacttoetsen_grouping",
                        List.of(
                                new RegisterEntry.Link(
                                        "IAMA (versie 2)",
                                        "https://waarborg.gemeente.nl/beoordelingen/iama-1/versies/2"),
                                new RegisterEntry.Link(
                                        "DPIA (versie 1)",
                                        "https://waarborg.gemeente.nl/beoordelingen/dpia-1/versies/1")));

        Map<String, Object> dpiaOnly = RegisterTexts.from(Optional.empty(), Optional.of(dpia), "http://localhost");
        assertThat(dpiaOnly)
                .containsEntry("goal", "Ander doel")
                .containsEntry("risks", "- Datalek (risiconiveau: HIGH)")
                .doesNotContainKeys("human_intervention", "impacttoetsen_grouping");
        assertThat(RegisterTexts.from(Optional.empty(), Optional.empty(), null)).isEmpty();
    }

    @Test
    void aLongAnswerIsCutAtASentenceWithinTheLimitAndMarked() {
        String sentence = "Dit is een zin over het doel. ";
        String text = sentence.repeat(100); // 3,000 characters
        String cut = RegisterTexts.cut(text, 2500);
        assertThat(cut.length()).isLessThanOrEqualTo(2500);
        assertThat(cut).endsWith("doel. …").startsWith(sentence);
        assertThat(RegisterTexts.cut("kort", 2500)).isEqualTo("kort");
        String word = "x".repeat(3000);
        assertThat(RegisterTexts.cut(word, 2500)).hasSize(2500).endsWith(" …");
    }

    @Test
    void theProposalPassesTheStandardsRules() {
        String huge = "Een lange uitleg zonder punt ".repeat(200) + "<script>x</script> a < b";
        AssessmentVersion iama =
                approved(AssessmentType.IAMA, 1, Map.of("part1Goal", huge, "part2ProductionData", huge));
        RegisterEntry entry = RegisterRulesTest.set("goal", (String)
                RegisterTexts.from(Optional.of(iama), Optional.empty(), null).get("goal"));
        assertThat(RegisterRules.faults(entry)).isEmpty();
        assertThat(RegisterTexts.plain("a <i>b</i> < c </x")).isEqualTo("a b ‹ c ‹/x");
    }
}
