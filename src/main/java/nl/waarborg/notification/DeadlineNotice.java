package nl.waarborg.notification;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.waarborg.workflow.IncidentService;
import nl.waarborg.workflow.rules.WorkingDays;

/**
 * Which deadline mail a task's due date calls for now: PASSED once it is due, APPROACHING from {@code workingDays}
 * working days before it (weekends do not count, as for the gates' service level), else none. The tasks of the
 * incident process get no APPROACHING mail: their process escalates a nearing legal deadline itself, with its own mail
 * to the managers (ADR 0033, {@code INCIDENT_DEADLINE_NEAR}); one mail, not two (ADR 0043).
 */
final class DeadlineNotice {

    private DeadlineNotice() {}

    static Optional<MailKind> of(Instant due, ZonedDateTime now, int workingDays) {
        if (due == null) {
            return Optional.empty();
        }
        if (!due.isAfter(now.toInstant())) {
            return Optional.of(MailKind.DEADLINE_PASSED);
        }
        if (!due.isAfter(horizon(now, workingDays))) {
            return Optional.of(MailKind.DEADLINE_APPROACHING);
        }
        return Optional.empty();
    }

    /** As {@link #of(Instant, ZonedDateTime, int)} for a task of the process with key {@code processKey}. */
    static Optional<MailKind> of(Instant due, ZonedDateTime now, int workingDays, String processKey) {
        return of(due, now, workingDays)
                .filter(kind ->
                        kind != MailKind.DEADLINE_APPROACHING || !IncidentService.INCIDENT_KEY.equals(processKey));
    }

    /** The latest due date that is "approaching" now. */
    static Instant horizon(ZonedDateTime now, int workingDays) {
        return WorkingDays.add(now, workingDays).toInstant();
    }
}
