package nl.waarborg.workflow.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The period of a prior consultation of the Dutch DPA (GDPR Art. 36(2)): the DPA answers within the period
 * (by default eight weeks) after it received the request, and may extend it once (by default by six weeks), telling
 * the controller within one month of the receipt. The period is suspended while the DPA waits for information it
 * requested.
 */
public record ConsultationPeriod(Period period, Period extension) {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** Within this time after the receipt the DPA must announce an extension. */
    public static final Period ANNOUNCE_EXTENSION_WITHIN = Period.ofMonths(1);

    /** From ISO periods, e.g. P8W and P6W. */
    public static ConsultationPeriod of(String period, String extension) {
        return new ConsultationPeriod(Period.parse(period), Period.parse(extension));
    }

    /** When the answer is due: the start plus the period, plus the extension once it was granted (Amsterdam calendar). */
    public Instant due(Instant start, boolean extended) {
        Period total = extended ? period.plus(extension) : period;
        return start.atZone(AMSTERDAM).plus(total).toInstant();
    }

    /**
     * The last day of the period: the DPA's receipt date plus the period, plus the extension once it was granted, plus
     * the days the period was suspended.
     */
    public LocalDate lastDay(LocalDate received, boolean extended, long suspendedDays) {
        if (suspendedDays < 0) {
            throw new IllegalArgumentException("suspendedDays must not be negative: " + suspendedDays);
        }
        Period total = extended ? period.plus(extension) : period;
        return received.plus(total).plusDays(suspendedDays);
    }

    /** The moment the period has run out: the end of its last day in Amsterdam. */
    public Instant expires(LocalDate received, boolean extended, long suspendedDays) {
        return lastDay(received, extended, suspendedDays)
                .plusDays(1)
                .atStartOfDay(AMSTERDAM)
                .toInstant();
    }

    /** The period can be extended only once. */
    public static boolean mayExtend(boolean alreadyExtended) {
        return !alreadyExtended;
    }

    /** An extension counts only when the DPA announced it within one month of receiving the request. */
    public static boolean extensionAnnouncedInTime(LocalDate received, LocalDate announced) {
        return !announced.isBefore(received) && !announced.isAfter(received.plus(ANNOUNCE_EXTENSION_WITHIN));
    }

    /** The days a suspension lasted: from the DPA's request for information until the information reached it. */
    public static long suspendedDays(LocalDate requested, LocalDate supplied) {
        if (supplied.isBefore(requested)) {
            throw new IllegalArgumentException("The information was supplied before it was requested.");
        }
        return ChronoUnit.DAYS.between(requested, supplied);
    }
}
