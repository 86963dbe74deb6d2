package nl.waarborg.settings;

import java.time.Period;
import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a functional administrator changes while Waarborg runs (ADR 0027): municipal policy, not deployment.
 * Each starts from its property in the environment ({@code property}, else {@code fallback}) until an administrator
 * stores a value in the database. Deployment settings (database, single sign-on, mail server, keys) are not here.
 */
public enum Setting {
    /** A gate's decision is due this many working days after the gate opens (new gates; open ones keep their date). */
    GATE_SLA_WORKING_DAYS("gateSlaWorkingDays", "waarborg.gates.sla-working-days", "10", Kind.WORKING_DAYS, 1, 60),
    /** The "deadline approaching" mail goes out this many working days before a task is due. */
    DEADLINE_REMINDER_WORKING_DAYS(
            "deadlineReminderWorkingDays", "waarborg.mail.deadline-working-days", "2", Kind.WORKING_DAYS, 1, 20),
    /** How often a system in use is reviewed, per publication category (for reviews planned from now on). */
    REVIEW_INTERVAL_A("reviewIntervalA", "waarborg.review.interval-a", "P1Y", Kind.PERIOD_IN_MONTHS, 1, 60),
    REVIEW_INTERVAL_B("reviewIntervalB", "waarborg.review.interval-b", "P2Y", Kind.PERIOD_IN_MONTHS, 1, 60),
    REVIEW_INTERVAL_C("reviewIntervalC", "waarborg.review.interval-c", "P3Y", Kind.PERIOD_IN_MONTHS, 1, 60);

    /** A whole number of working days, or an ISO period of whole months or years (P6M, P1Y, P1Y6M). */
    public enum Kind {
        WORKING_DAYS,
        PERIOD_IN_MONTHS
    }

    private final String key;
    private final String property;
    private final String fallback;
    private final Kind kind;
    private final int min;
    private final int max;

    Setting(String key, String property, String fallback, Kind kind, int min, int max) {
        this.key = key;
        this.property = property;
        this.fallback = fallback;
        this.kind = kind;
        this.min = min;
        this.max = max;
    }

    /** The name in the API and the database, e.g. {@code gateSlaWorkingDays}. */
    public String key() {
        return key;
    }

    /** The property (and its environment variable) that gives the value until one is stored. */
    public String property() {
        return property;
    }

    String fallback() {
        return fallback;
    }

    public Kind kind() {
        return kind;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /**
     * The value in its plain form (a number without spaces, a normalised period), or an IllegalArgumentException
     * whose message says in English what the value must be.
     */
    public String check(String value) {
        String text = value == null ? "" : value.trim();
        if (kind == Kind.WORKING_DAYS) {
            try {
                int days = Integer.parseInt(text);
                if (days >= min && days <= max) {
                    return Integer.toString(days);
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException(
                    "Field '" + key + "' must be a whole number of working days from " + min + " to " + max + ".");
        }
        try {
            Period period =
                    Period.parse(text.toUpperCase(java.util.Locale.ROOT)).normalized();
            long months = period.toTotalMonths();
            if (period.getDays() == 0 && months >= min && months <= max) {
                return period.toString();
            }
        } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
            // refused below; normalising P2147483647Y2147483647M overflows an int
        }
        throw new IllegalArgumentException("Field '" + key + "' must be a period of whole months or years (e.g. P6M,"
                + " P1Y, P1Y6M) from " + min + " month to " + max / 12 + " years.");
    }
}
