package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several sections of one version's answers at once, as {@link VersionSections} hands them to the checks. */
class VersionSectionsTest {

    static final Map<String, Object> ANSWERS = Map.of(
            "dpia-section-c", Map.of("sectionCRisks", List.of(Map.of("id", "R1"))),
            "dpia-section-d", Map.of("sectionDMeasures", List.of(Map.of("riskId", "R1"))),
            "dpia-section-a", "not a section");

    @Test
    void everySectionAskedIsThereInTheOrderAsked() {
        Map<String, Map<String, Object>> picked =
                VersionSections.pick(ANSWERS, "dpia-section-d", "dpia-section-c", "dpia-section-b");

        assertThat(picked).containsOnlyKeys("dpia-section-d", "dpia-section-c", "dpia-section-b");
        assertThat(picked.keySet()).containsExactly("dpia-section-d", "dpia-section-c", "dpia-section-b");
        assertThat(picked.get("dpia-section-c"))
                .containsExactly(Map.entry("sectionCRisks", List.of(Map.of("id", "R1"))));
        assertThat(picked.get("dpia-section-d"))
                .containsExactly(Map.entry("sectionDMeasures", List.of(Map.of("riskId", "R1"))));
    }

    @Test
    void anUnsavedSectionOrOneThatIsNoMapIsEmpty() {
        Map<String, Map<String, Object>> picked = VersionSections.pick(ANSWERS, "dpia-section-b", "dpia-section-a");

        assertThat(picked.get("dpia-section-b")).isNotNull().isEmpty();
        assertThat(picked.get("dpia-section-a")).isNotNull().isEmpty();
    }

    @Test
    void aSectionIsACopyThatLeavesTheVersionAlone() {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("sectionCRisks", "[]"));
        Map<String, Map<String, Object>> picked =
                VersionSections.pick(Map.of("dpia-section-c", fields), "dpia-section-c");

        picked.get("dpia-section-c").put("sectionCRisks", "changed");

        assertThat(fields).containsEntry("sectionCRisks", "[]");
    }
}
