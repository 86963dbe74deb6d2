package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentAwarenessTest {

    static final Instant REGISTERED = Instant.parse("2026-03-01T09:15:30Z");
    static final Instant NOW = Instant.parse("2026-03-27T10:00:00Z");

    @Test
    void emptyMeansNow() {
        assertThat(IncidentAwareness.of(null, REGISTERED, NOW)).isEqualTo(NOW);
        assertThat(IncidentAwareness.of("  ", REGISTERED, NOW)).isEqualTo(NOW);
    }

    @Test
    void anInstantWithOffsetOrADutchLocalTimeIsRead() {
        assertThat(IncidentAwareness.of("2026-03-25T08:00:00Z", REGISTERED, NOW))
                .isEqualTo(Instant.parse("2026-03-25T08:00:00Z"));
        assertThat(IncidentAwareness.of("2026-03-25T09:00+01:00", REGISTERED, NOW))
                .isEqualTo(Instant.parse("2026-03-25T08:00:00Z"));
        assertThat(IncidentAwareness.of("2026-03-25T09:00", REGISTERED, NOW))
                .as("winter time in Amsterdam: UTC+1")
                .isEqualTo(Instant.parse("2026-03-25T08:00:00Z"));
        assertThat(IncidentAwareness.of("2026-03-27T11:00", REGISTERED, NOW))
                .as("the moment itself is not in the future")
                .isEqualTo(NOW);
    }

    @Test
    void theMinuteOfTheRegistrationCountsSinceAPageFieldHasNoSeconds() {
        assertThat(IncidentAwareness.of("2026-03-01T10:15", REGISTERED, NOW))
                .isEqualTo(Instant.parse("2026-03-01T09:15:00Z"));
        refused("2026-03-01T10:14");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2026-03-27T10:00:01Z", "2026-03-27T11:01", "2026-02-28T23:00:00Z", "gisteren", "27-03-2026"})
    void theFutureBeforeTheSystemAndGarbleAreRefusedNamingTheField(String value) {
        refused(value);
    }

    static void refused(String value) {
        assertThatThrownBy(() -> IncidentAwareness.of(value, REGISTERED, NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("awareSince"))
                .hasMessageContaining("awareSince");
    }
}
