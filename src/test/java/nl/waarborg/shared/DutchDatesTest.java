package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DutchDatesTest {

    @Test
    void aCalendarDayIsDayMonthYearWithLeadingZeros() {
        assertThat(DutchDates.date(LocalDate.of(2027, 6, 5))).isEqualTo("05-06-2027");
        assertThat(DutchDates.date((LocalDate) null)).isNull();
    }

    @Test
    void aMomentIsShownInDutchTimeSummerAndWinter() {
        // 22:30 UTC in summer is 00:30 the next day in Amsterdam (UTC+2); in winter it is 23:30 (UTC+1).
        assertThat(DutchDates.dateTime(Instant.parse("2027-06-14T22:30:00Z"))).isEqualTo("15-06-2027 00:30");
        assertThat(DutchDates.date(Instant.parse("2027-06-14T22:30:00Z"))).isEqualTo("15-06-2027");
        assertThat(DutchDates.dateTime(Instant.parse("2027-01-14T22:30:00Z"))).isEqualTo("14-01-2027 23:30");
        assertThat(DutchDates.dateTime(null)).isNull();
    }

    @Test
    void isoTextFromAFormIsShownAsTheDutchReaderReadsIt() {
        assertThat(DutchDates.fromIso("2027-06-15")).contains("15-06-2027");
        assertThat(DutchDates.fromIso("2027-06-15T10:00")).contains("15-06-2027 10:00");
        assertThat(DutchDates.fromIso("2027-06-15T10:00:00Z")).contains("15-06-2027 12:00");
        assertThat(DutchDates.fromIso("2027-01-15T10:00:00+0100")).contains("15-01-2027 10:00");
    }

    @Test
    void otherTextAndImpossibleDatesAreLeftAlone() {
        assertThat(DutchDates.fromIso("2027-02-31")).isEmpty();
        assertThat(DutchDates.fromIso("15-06-2027")).isEmpty();
        assertThat(DutchDates.fromIso("R1")).isEmpty();
        assertThat(DutchDates.fromIso("Besluit van 2027-06-15")).isEmpty();
        assertThat(DutchDates.fromIso(null)).isEmpty();
    }

    @Test
    void aTypedDayIsReadAsDayMonthYearOrIsoAndNeverRolledOver() {
        assertThat(DutchDates.parseDay("15-06-2027")).contains(LocalDate.of(2027, 6, 15));
        assertThat(DutchDates.parseDay(" 5-6-2027 ")).contains(LocalDate.of(2027, 6, 5));
        assertThat(DutchDates.parseDay("2027-06-15")).contains(LocalDate.of(2027, 6, 15));
        assertThat(DutchDates.parseDay("31-02-2027")).isEmpty();
        assertThat(DutchDates.parseDay("06/15/2027")).isEmpty();
        assertThat(DutchDates.parseDay("15-06-27")).isEmpty();
        assertThat(DutchDates.parseDay("")).isEmpty();
        assertThat(DutchDates.parseDay(null)).isEmpty();
    }
}
