package nl.waarborg.workflow;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reading the fields of the prior consultation's forms ({@link DpaConsultation}) as the server checks them. */
final class DpaFormFields {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private DpaFormFields() {}

    /** A date field of a form: an ISO date (yyyy-MM-dd) or a Date. Missing or malformed is refused. */
    static LocalDate date(DelegateExecution execution, String field, String dutchName) {
        Object value = execution.getVariable(field);
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
