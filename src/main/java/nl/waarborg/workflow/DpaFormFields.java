package nl.waarborg.workflow;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Reading the fields of the prior consultation's forms ({@link DpaConsultation}) as the server checks them. */
final class DpaFormFields {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private DpaFormFields() {}

    /**
     * A date field of a form: an ISO date (yyyy-MM-dd) or a Date, of something that has happened, so not after today
     * (Amsterdam, by the engine's clock, which also runs the DPA's timer). Missing, malformed or later is refused: a
     * receipt, suspension or answer dated ahead would move or open the DPA's period on a day that has not come.
     */
    static LocalDate date(DelegateExecution execution, String field, String dutchName) {
        LocalDate date = parsed(execution.getVariable(field), field, dutchName);
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw new InvalidInputException(
                    field,
                    "Field '" + field + "' (" + dutchName + ") records what has happened: " + date + " is after today ("
                            + today + ").");
        }
        return date;
    }

    /** Today in Amsterdam by the engine's clock. */
    static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(AMSTERDAM).toLocalDate();
    }

    private static LocalDate parsed(Object value, String field, String dutchName) {
        try {
            if (value instanceof Date d) {
                return d.toInstant().atZone(AMSTERDAM).toLocalDate();
            }
            if (value instanceof String s && !s.isBlank()) {
                return LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
            }
        } catch (DateTimeException e) {
            // fall through to the refusal
        }
        throw new InvalidInputException(
                field, "Field '" + field + "' (" + dutchName + ") must be a date (yyyy-MM-dd), got: " + value);
    }

    /** A text field, trimmed; empty when missing. */
    static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        return value == null ? "" : value.toString().trim();
    }
}
