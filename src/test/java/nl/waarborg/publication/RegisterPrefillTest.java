package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.waarborg.system.SystemRecord.Phase;
import org.junit.jupiter.api.Test;

/** The status and dates that follow the system's phase (ADR 0034); no database. */
class RegisterPrefillTest {

    static final Instant MARCH = Instant.parse("2026-03-31T23:30:00Z"); // already April in Amsterdam

    @Test
    void goLiveSetsTheBeginMonthAndRetirementTheEndMonth() {
        RegisterEntry live =
                RegisterPrefill.followPhase(RegisterRulesTest.set("begin_date", null), Phase.EVALUATE, MARCH);
        assertThat(live.status()).isEqualTo("In gebruik");
        assertThat(live.beginDate()).isEqualTo("2026-04");
        assertThat(live.endDate()).isNull();
        RegisterEntry retired = RegisterPrefill.followPhase(live, Phase.RETIRED, Instant.parse("2027-06-01T10:00:00Z"));
        assertThat(retired.status()).isEqualTo("Buiten gebruik");
        assertThat(retired.beginDate()).isEqualTo("2026-04");
        assertThat(retired.endDate()).isEqualTo("2027-06");
        assertThat(RegisterRules.faults(retired)).isEmpty();
    }

    @Test
    void theEndMonthNeverLiesBeforeTheBeginMonth() {
        RegisterEntry early =
                RegisterPrefill.followPhase(RegisterRulesTest.set("begin_date", "2027-01"), Phase.STOPPED, MARCH);
        assertThat(early.endDate()).isEqualTo("2027-01");
        assertThat(RegisterRules.faults(early)).isEmpty();
    }

    @Test
    void phasesAndCategoriesMapToTheStandardsValues() {
        assertThat(RegisterPrefill.status(Phase.DEVELOP)).isEqualTo("In ontwikkeling");
        assertThat(RegisterPrefill.status(Phase.IMPLEMENT)).isEqualTo("In ontwikkeling");
        assertThat(RegisterPrefill.status(Phase.EVALUATE)).isEqualTo("In gebruik");
        assertThat(RegisterPrefill.status(Phase.RETIRED)).isEqualTo("Buiten gebruik");
        assertThat(RegisterPrefill.category("A")).isEqualTo("Hoog-risico AI-systeem");
        assertThat(RegisterPrefill.category("B")).isEqualTo("Impactvolle algoritmes");
        assertThat(RegisterPrefill.category(null)).isNull();
    }
}
