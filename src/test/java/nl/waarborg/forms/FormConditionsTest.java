package nl.waarborg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms' FEEL conditions: a kept result is always the one FEEL gives for the values at hand. */
class FormConditionsTest {

    final FormConditions conditions = new FormConditions();

    boolean holds(String condition, Map<String, Object> values) {
        return conditions.holds(condition, values::get);
    }

    @Test
    void aKeptResultIsKeptPerValueNotPerCondition() {
        String notSentBack = "=decision != \"SENT_BACK\"";
        for (int i = 0; i < 3; i++) {
            assertThat(holds(notSentBack, Map.of("decision", "APPROVED"))).isTrue();
            assertThat(holds(notSentBack, Map.of("decision", "SENT_BACK"))).isFalse();
            assertThat(holds(notSentBack, Map.of())).isTrue();
        }
        String deviation =
                "=not((decision = \"APPROVED\") and (privacyOfficerDecision = \"REJECTED\" or ethicsCommitteeDecision = \"REJECTED\"))";
        Map<String, Object> values = new HashMap<>(Map.of("decision", "APPROVED"));
        assertThat(holds(deviation, values)).isTrue();
        values.put("ethicsCommitteeDecision", "REJECTED");
        assertThat(holds(deviation, values)).isFalse();
        values.put("ethicsCommitteeDecision", "APPROVED");
        assertThat(holds(deviation, values)).isTrue();
        values.put("privacyOfficerDecision", "REJECTED");
        assertThat(holds(deviation, values)).isFalse();
    }

    @Test
    void aConditionOverShortValuesIsEvaluatedOncePerValuesAndOneWithAFunctionEveryTime() {
        String deviation =
                "=not((decision = \"APPROVED\") and (privacyOfficerDecision = \"REJECTED\" or ethicsCommitteeDecision = \"REJECTED\"))";
        Map<String, Object> values = Map.of("decision", "APPROVED", "privacyOfficerDecision", "APPROVED");
        for (int i = 0; i < 5; i++) {
            assertThat(holds(deviation, values)).isTrue();
            assertThat(holds("=decision != \"SENT_BACK\"", values)).isTrue();
        }
        assertThat(conditions.evaluations()).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(holds("=today() > date(\"2000-01-01\")", Map.of())).isTrue();
        }
        assertThat(conditions.evaluations()).isEqualTo(7);
    }

    @Test
    void numbersLongTextsAndListsAreComparedAsFeelDoes() {
        assertThat(holds("=amount > 10", Map.of("amount", 11))).isTrue();
        assertThat(holds("=amount > 10", Map.of("amount", 10L))).isFalse();
        assertThat(holds("=amount > 10", Map.of("amount", 10.5d))).isTrue();
        String longText = "x".repeat(FormConditions.MEMO_TEXT_LENGTH + 1);
        assertThat(holds("=remarks = null or remarks = \"\"", Map.of("remarks", longText)))
                .isFalse();
        assertThat(holds("=remarks = null or remarks = \"\"", Map.of())).isTrue();
        assertThat(holds("=count(rows) > 1", Map.of("rows", java.util.List.of("a", "b"))))
                .isTrue();
        assertThat(holds("=count(rows) > 1", Map.of("rows", java.util.List.of("a"))))
                .isFalse();
        // Text against a number cannot be evaluated: the condition does not hold, so it hides nothing.
        assertThat(holds("=amount > 10", Map.of("amount", "veel"))).isFalse();
    }

    @Test
    void aConditionCountingASmallListIsKeptPerListContentAndALargeListIsEvaluatedEveryTime() {
        String hide = "=rows = null or count(rows) = 0 or not(decision = \"APPROVED\")";
        java.util.List<Object> rows =
                new java.util.ArrayList<>(java.util.List.of(Map.of("risk", "R1", "accepted", true)));
        Map<String, Object> values = new HashMap<>(Map.of("decision", "APPROVED", "rows", rows));
        for (int i = 0; i < 4; i++) {
            assertThat(holds(hide, values)).isFalse();
        }
        assertThat(conditions.evaluations()).isEqualTo(1);
        // The kept key is a copy: changing the list the caller passed does not change what was kept for it.
        rows.clear();
        assertThat(holds(hide, values)).isTrue();
        assertThat(holds(hide, Map.of("decision", "APPROVED", "rows", java.util.List.of())))
                .isTrue();
        assertThat(conditions.evaluations()).isEqualTo(2);
        // Numbers count as FEEL numbers: 1 and 1L are one value, 0.5 another.
        assertThat(holds("=sum(xs) > 2", Map.of("xs", java.util.List.of(1, 2)))).isTrue();
        assertThat(holds("=sum(xs) > 2", Map.of("xs", java.util.List.of(1L, 2L))))
                .isTrue();
        assertThat(holds("=sum(xs) > 2", Map.of("xs", java.util.List.of(1, 0.5))))
                .isFalse();
        assertThat(conditions.evaluations()).isEqualTo(4);
        java.util.List<Object> large = java.util.Collections.nCopies(FormConditions.MEMO_LIST_VALUES + 1, "x");
        for (int i = 0; i < 3; i++) {
            assertThat(holds("=count(xs) > 10", Map.of("xs", large))).isTrue();
        }
        assertThat(conditions.evaluations()).isEqualTo(7);
        // A function that reads more than its arguments is evaluated every time.
        assertThat(FormConditions.PURE_FUNCTIONS).doesNotContain("today", "now");
    }

    @Test
    void theMemoStartsOverWhenFullAndStaysRight() {
        for (int i = 0; i < FormConditions.MEMO_SIZE + 50; i++) {
            assertThat(holds("=code = \"c7\"", Map.of("code", "c" + i))).isEqualTo(i == 7);
        }
        assertThat(holds("=code = \"c7\"", Map.of("code", "c7"))).isTrue();
    }

    @Test
    void namesAndFunctionsAreReadOutsideStringLiterals() {
        assertThat(FormConditions.names("not(decision = \"APPROVED or today()\") and x != null"))
                .containsExactly("decision", "x");
        assertThat(FormConditions.functions("not(decision = \"today()\") and (date(d) < today())"))
                .containsExactly("date", "today");
        assertThat(FormConditions.functions("decision != \"SENT_BACK\"")).isEmpty();
    }

    @Test
    void aConditionThatIsNotFeelFails() {
        assertThatThrownBy(() -> holds("=decision = = 1", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid FEEL");
    }
}
