package nl.waarborg.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ReviewIntervalsTest {

    /** The defaults of waarborg.review.interval-a/-b/-c. */
    final ReviewIntervals defaults = new ReviewIntervals("P1Y", "P2Y", "P3Y");

    @Test
    void eachPublicationCategoryHasItsOwnInterval() {
        assertThat(defaults.interval("A")).isEqualTo(Period.ofYears(1));
        assertThat(defaults.interval("B")).isEqualTo(Period.ofYears(2));
        assertThat(defaults.interval("C")).isEqualTo(Period.ofYears(3));
        ReviewIntervals configured = new ReviewIntervals("P6M", "P18M", "P4Y");
        assertThat(configured.interval("A")).isEqualTo(Period.ofMonths(6));
        assertThat(configured.interval("B")).isEqualTo(Period.ofMonths(18));
        assertThat(configured.interval("C")).isEqualTo(Period.ofYears(4));
    }

    @Test
    void anUnknownOrMissingCategoryIsReviewedAsOftenAsTheStrictest() {
        assertThat(defaults.interval(null)).isEqualTo(Period.ofYears(1));
        assertThat(defaults.interval("D")).isEqualTo(Period.ofYears(1));
        assertThat(defaults.interval("a")).isEqualTo(Period.ofYears(1));
    }

    @Test
    void theNextReviewIsTheIntervalAfterNow() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        ZonedDateTime now = ZonedDateTime.of(LocalDateTime.of(2026, 12, 7, 10, 0), amsterdam);
        assertThat(defaults.nextReview(now, "A")).isEqualTo(now.plusYears(1));
        assertThat(defaults.nextReview(now, "B")).isEqualTo(now.plusYears(2));
        assertThat(defaults.nextReview(now, "C")).isEqualTo(now.plusYears(3));
        assertThat(defaults.nextReview(now, null)).isEqualTo(now.plusYears(1));
        ZonedDateTime leapDay = ZonedDateTime.of(LocalDateTime.of(2028, 2, 29, 10, 0), amsterdam);
        assertThat(defaults.nextReview(leapDay, "A").toLocalDate()).hasToString("2029-02-28");
    }

    @Test
    void anIntervalMustBeAPositivePeriod() {
        assertThatThrownBy(() -> new ReviewIntervals("P0D", "P2Y", "P3Y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("waarborg.review.interval-a must be a positive period, not P0D");
        assertThatThrownBy(() -> new ReviewIntervals("P1Y", "-P1Y", "P3Y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("waarborg.review.interval-b must be a positive period, not -P1Y");
        assertThatThrownBy(() -> new ReviewIntervals("P1Y", "P2Y", "P0Y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("interval-c");
        assertThatThrownBy(() -> new ReviewIntervals("yearly", "P2Y", "P3Y")).isInstanceOf(RuntimeException.class);
        assertThat(new ReviewIntervals("P1D", "P2Y", "P3Y").interval("A")).isEqualTo(Period.ofDays(1));
    }
}
