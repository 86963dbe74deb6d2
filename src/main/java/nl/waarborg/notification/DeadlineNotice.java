package nl.waarborg.notification;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.waarborg.workflow.rules.WorkingDays;

/**
 * Which deadline mail a task's due date calls for now: PASSED once it is due, APPROACHING from {@code workingDays}
 * working days before it (weekends do not count, as for the gates' service level), else none.
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

    /** The latest due date that is "approaching" now. */
    static Instant horizon(ZonedDateTime now, int workingDays) {
        return WorkingDays.add(now, workingDays).toInstant();
    }
}
