package nl.waarborg.workflow.rules;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;

/**
 * The period of a prior consultation of the Dutch DPA (GDPR Art. 36(2)): the DPA answers within the period
 * (by default eight weeks) after it received the request, and may extend it once (by default by six weeks).
 */
public record ConsultationPeriod(Period period, Period extension) {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** From ISO periods, e.g. P8W and P6W. */
    public static ConsultationPeriod of(String period, String extension) {
        return new ConsultationPeriod(Period.parse(period), Period.parse(extension));
    }

    /** When the answer is due: the start plus the period, plus the extension once it was granted (Amsterdam calendar). */
    public Instant due(Instant start, boolean extended) {
        Period total = extended ? period.plus(extension) : period;
        return start.atZone(AMSTERDAM).plus(total).toInstant();
    }

    /** The period can be extended only once. */
    public static boolean mayExtend(boolean alreadyExtended) {
        return !alreadyExtended;
    }
}
