package nl.waarborg.workflow.rules;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import nl.waarborg.shared.InvalidInputException;

/**
 * "Bekend sinds": the moment the deployer became aware of an incident, from which the notification periods run (GDPR
 * Art. 33(1): 72 hours after becoming aware; AI Act Art. 73(2): after the deployer became aware). Empty means now. A
 * value is an ISO-8601 instant with offset ({@code 2026-12-07T09:30:00Z}) or a local date-time, read in Dutch time
 * ({@code 2026-12-07T10:30}, what a page's date-time field sends). It may not lie in the future, nor before the
 * system was registered (compared to the minute, since a page's field has no seconds).
 */
public final class IncidentAwareness {

    public static final String FIELD = "awareSince";

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private IncidentAwareness() {}

    /** The moment of awareness, or a 400 naming {@link #FIELD}. */
    public static Instant of(String value, Instant systemRegisteredAt, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        Instant at = parse(value.trim());
        if (at.isAfter(now)) {
            throw new InvalidInputException(
                    FIELD, "Field 'awareSince' (" + at + ") lies in the future; give when you became aware.");
        }
        if (at.isBefore(systemRegisteredAt.truncatedTo(ChronoUnit.MINUTES))) {
            throw new InvalidInputException(
                    FIELD,
                    "Field 'awareSince' (" + at + ") lies before the system was registered (" + systemRegisteredAt
                            + ").");
        }
        return at;
    }

    private static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atZone(AMSTERDAM).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        FIELD,
                        "Field 'awareSince' must be a date and time such as 2026-12-07T10:30 (Dutch time) or"
                                + " 2026-12-07T09:30:00Z.");
            }
        }
    }
}
