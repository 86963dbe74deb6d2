package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A draft saved against an older form (ADR 0045): what the form no longer has is left out, nothing else changes. */
class FormKeysTest {

    static final FormCatalog CATALOG = FormValidatorTest.CATALOG;

    @Test
    void keysTheFormNoLongerHasAreLeftOutAndTheRestKeepsItsOrderAndValues() {
        FormCatalog.Form triage = CATALOG.form("triage").orElseThrow();
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("isAiSystem", "NO");
        draft.put("formerQuestion", "Weggehaald");
        draft.put("purpose", "Half af");
        draft.put("approvedBy", "lead");

        Map<String, Object> kept = FormKeys.onTheForm(triage, draft);

        assertThat(kept).containsExactly(Map.entry("isAiSystem", "NO"), Map.entry("purpose", "Half af"));
        assertThat(new FormValidator().unknownKeys(triage, kept.keySet())).isEmpty();
        assertThat(FormKeys.onTheForm(triage, Map.of())).isEmpty();
    }

    @Test
    void aListRowKeepsOnlyTheListsColumns() {
        FormCatalog.Form part1 = CATALOG.form("iama-part-1").orElseThrow();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("what", "Uitleg aan inwoners");
        row.put("formerColumn", "Weggehaald");
        row.put("owner", "Team Zorg");
        Map<String, Object> draft = Map.of("part1ActionPoints", List.of(row, "geen rij"));

        Map<String, Object> kept = FormKeys.onTheForm(part1, draft);

        assertThat(kept.get("part1ActionPoints"))
                .isEqualTo(List.of(Map.of("what", "Uitleg aan inwoners", "owner", "Team Zorg"), "geen rij"));
        // A value that is no list is passed on as it is: the draft's bounds check (not this) refuses it.
        assertThat(FormKeys.onTheForm(part1, Map.of("part1ActionPoints", "tekst")))
                .containsEntry("part1ActionPoints", "tekst");
    }
}
