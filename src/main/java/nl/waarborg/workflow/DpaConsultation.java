package nl.waarborg.workflow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.workflow.rules.ConsultationPeriod;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prior consultation of the Dutch DPA (GDPR Art. 36): the DPA answers within a period (default P8W) from its receipt
 * of the request as entered, which is suspended while it waits for information it requested and which it may extend
 * once (default P6W), announced within a month of the receipt; the rule is {@link ConsultationPeriod}. Used by
 * dpia.bpmn through the beans of {@link AssessmentDelegates}.
 */
@Component("dpaConsultation")
public class DpaConsultation {

    public static final String STARTED_AT = "dpaConsultationStartedAt";
    public static final String EXTENDED = "dpaConsultationExtended";
    /** The DPA's receipt of the request as entered (ISO date), copied when the submission is recorded. */
    public static final String RECEIVED_ON = "dpaConsultationReceivedOn";
    /** The days the period was suspended while the DPA waited for information. */
    public static final String SUSPENDED_DAYS = "dpaConsultationSuspendedDays";

    static final String SUBMISSION_DATE = "dpaSubmissionDate";
    static final String RECEIPT_DATE = "dpaReceiptDate";
    static final String INFORMATION_REQUESTED = "dpaInformationRequested";
    static final String INFORMATION_REQUESTED_ON = "dpaInformationRequestedOn";
    static final String INFORMATION_SUPPLIED_ON = "dpaInformationSuppliedOn";
    static final String EXTENSION_ANNOUNCED_ON = "dpaExtensionAnnouncedOn";
    static final String ANSWER_OUTCOME = "dpaAnswerOutcome";
    static final List<String> ANSWERS = List.of("NO_OBJECTION", "ADVICE_WITH_MEASURES", "INFRINGEMENT");

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final ConsultationPeriod periods;
    private final AuditTrail audit;

    public DpaConsultation(
            @Value("${waarborg.dpa.consultation-period:P8W}") String period,
            @Value("${waarborg.dpa.consultation-extension:P6W}") String extension,
            AuditTrail audit) {
        this.periods = ConsultationPeriod.of(period, extension);
        this.audit = audit;
    }

    /** The request was submitted: the period runs from the DPA's receipt, which cannot precede the submission. */
    public void submitted(DelegateExecution execution) {
        LocalDate received = date(execution, RECEIPT_DATE, "de datum van ontvangst door de AP");
        LocalDate sent = date(execution, SUBMISSION_DATE, "de datum van indiening");
        if (received.isBefore(sent)) {
            throw new InvalidInputException(
                    RECEIPT_DATE,
                    "The DPA cannot have received the request (" + received + ") before it was submitted (" + sent
                            + ").");
        }
        execution.setVariable(STARTED_AT, Date.from(Instant.now()));
        execution.setVariable(RECEIVED_ON, received.toString());
        execution.setVariable(EXTENDED, false);
        execution.setVariable(SUSPENDED_DAYS, 0L);
        audit.record(
                AuditAction.DPA_CONSULTATION_SUBMITTED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("processInstanceId", execution.getProcessInstanceId(), "receivedOn", received.toString()));
    }

    /** When the DPA's answer is due: the end of the last day of the period, suspensions and extension included. */
    public Date dueDate(DelegateExecution execution) {
        return Date.from(periods.expires(receivedOn(execution), extended(execution), suspendedDays(execution)));
    }

    /**
     * The answer task was completed: either the DPA asked for information first (the period stands still from the
     * request's date; returns true) or it answered (returns false).
     */
    public boolean informationRequested(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(INFORMATION_REQUESTED))) {
            if (!ANSWERS.contains(String.valueOf(execution.getVariable(ANSWER_OUTCOME)))) {
                throw new InvalidInputException(
                        ANSWER_OUTCOME,
                        "Field 'dpaAnswerOutcome' must be NO_OBJECTION, ADVICE_WITH_MEASURES or INFRINGEMENT"
                                + " (or set dpaInformationRequested when the DPA asked for information first).");
            }
            return false;
        }
        LocalDate requested = date(execution, INFORMATION_REQUESTED_ON, "de datum van het informatieverzoek");
        if (requested.isBefore(receivedOn(execution))) {
            throw new InvalidInputException(
                    INFORMATION_REQUESTED_ON,
                    "The DPA cannot have requested information (" + requested + ") before it received the request.");
        }
        execution.setVariable(INFORMATION_REQUESTED, false);
        audit.record(
                AuditAction.DPA_INFORMATION_REQUESTED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("requestedOn", requested.toString()));
        return true;
    }

    /** The information reached the DPA: the days since its request are added to the period. */
    public void informationSupplied(DelegateExecution execution) {
        LocalDate requested = date(execution, INFORMATION_REQUESTED_ON, "de datum van het informatieverzoek");
        LocalDate supplied = date(execution, INFORMATION_SUPPLIED_ON, "de datum waarop de AP de informatie ontving");
        if (supplied.isBefore(requested)) {
            throw new InvalidInputException(
                    INFORMATION_SUPPLIED_ON,
                    "The information cannot have reached the DPA (" + supplied + ") before it requested it ("
                            + requested + ").");
        }
        long days = ConsultationPeriod.suspendedDays(requested, supplied);
        execution.setVariable(SUSPENDED_DAYS, suspendedDays(execution) + days);
        audit.record(
                AuditAction.DPA_INFORMATION_SUPPLIED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("suppliedOn", supplied.toString(), "suspendedDays", days));
    }

    public void overdue(DelegateExecution execution) {
        audit.record(
                AuditAction.DPA_CONSULTATION_OVERDUE,
                null,
                execution.getProcessBusinessKey(),
                Map.of("extended", extended(execution)));
    }

    /** The DPA extended its period; it may do so only once, announced within a month of the receipt (Art. 36(2)). */
    public void extend(DelegateExecution execution) {
        if (!ConsultationPeriod.mayExtend(extended(execution))) {
            throw new InvalidInputException(
                    "dpaOverdueAction",
                    "De Autoriteit Persoonsgegevens kan de termijn maar één keer verlengen;"
                            + " kies 'Verder zonder antwoord'.");
        }
        LocalDate announced = date(execution, EXTENSION_ANNOUNCED_ON, "de datum waarop de AP de verlenging meldde");
        if (!ConsultationPeriod.extensionAnnouncedInTime(receivedOn(execution), announced)) {
            throw new InvalidInputException(
                    EXTENSION_ANNOUNCED_ON,
                    "The DPA must announce an extension within one month of receiving the request ("
                            + receivedOn(execution) + "); announced on " + announced
                            + " it does not count: choose PROCEED.");
        }
        execution.setVariable(EXTENDED, true);
        audit.record(
                AuditAction.DPA_CONSULTATION_EXTENDED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("extension", periods.extension().toString(), "announcedOn", announced.toString()));
    }

    public Period period() {
        return periods.period();
    }

    public Period extension() {
        return periods.extension();
    }

    private static boolean extended(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(EXTENDED));
    }

    private static long suspendedDays(DelegateExecution execution) {
        return execution.getVariable(SUSPENDED_DAYS) instanceof Number n ? n.longValue() : 0L;
    }

    /** The receipt as recorded; a consultation submitted before this rule started on the day it was recorded. */
    private static LocalDate receivedOn(DelegateExecution execution) {
        if (execution.getVariable(RECEIVED_ON) instanceof String s) {
            return LocalDate.parse(s);
        }
        Object started = execution.getVariable(STARTED_AT);
        Instant start = started instanceof Date d ? d.toInstant() : Instant.now();
        return start.atZone(AMSTERDAM).toLocalDate();
    }

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
}
