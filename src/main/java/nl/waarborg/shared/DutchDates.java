package nl.waarborg.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates and times as a Dutch reader reads them, the same on every page, in the PDF and in the answers: dd-MM-yyyy, and
 * HH:mm in Dutch time (Europe/Amsterdam, summer and winter time included). Stored and exchanged values stay ISO; this
 * is for display only. {@code null} in gives {@code null} out, so that each caller says "–" or nothing as it needs.
 */
public final class DutchDates {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm");

    /** An ISO date as form-js stores it, optionally with a time and an offset (2027-06-15, 2027-06-15T10:00:00Z). */
    private static final Pattern ISO =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    /** A typed day: d-M-yyyy with or without leading zeros (15-06-2027, 5-6-2027), read strictly. */
    private static final DateTimeFormatter TYPED_DAY =
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    private DutchDates() {}

    /**
     * A day as a user types it: dd-mm-jjjj (leading zeros optional) or ISO yyyy-mm-dd. Empty for anything else and for
     * a day that does not exist (31-02-2027): such text is refused, never rolled over to another day.
     */
    public static Optional<LocalDate> parseDay(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            return Optional.of(
                    value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : LocalDate.parse(value, TYPED_DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The day of a moment in Dutch time: 15-06-2027. */
    public static String date(Instant at) {
        return at == null ? null : DATE.format(at.atZone(ZONE));
    }

    /** A calendar day: 15-06-2027. */
    public static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    /** A moment in Dutch time: 15-06-2027 14:30. */
    public static String dateTime(Instant at) {
        return at == null ? null : DATE_TIME.format(at.atZone(ZONE));
    }

    /**
     * Text that is an ISO date (or date and time) as the Dutch reader reads it; empty for any other text, and for
     * text that looks like a date but is none (2027-02-31). A time with an offset is shown in Dutch time, a time
     * without one as it was entered.
     */
    public static Optional<String> fromIso(String text) {
        if (text == null || !ISO.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            if (text.length() == 10) {
                return Optional.of(date(LocalDate.parse(text)));
            }
            String normalized = text.matches(".*[+-]\\d{4}$")
                    ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2)
                    : text;
            if (normalized.endsWith("Z") || normalized.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return Optional.of(dateTime(OffsetDateTime.parse(normalized).toInstant()));
            }
            return Optional.of(DATE_TIME.format(LocalDateTime.parse(normalized)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
