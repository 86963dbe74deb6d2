package nl.waarborg.workflow;

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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
    /** The date of the DPA's open request for information as recorded (ISO date): the suspension counts from it. */
    public static final String SUSPENDED_FROM = "dpaConsultationSuspendedFrom";

    static final String SUBMISSION_DATE = "dpaSubmissionDate";
    static final String RECEIPT_DATE = "dpaReceiptDate";
    static final String INFORMATION_REQUESTED = "dpaInformationRequested";
    static final String INFORMATION_REQUESTED_ON = "dpaInformationRequestedOn";
    static final String INFORMATION_SUPPLIED_ON = "dpaInformationSuppliedOn";
    static final String EXTENSION_ANNOUNCED = "dpaExtensionAnnounced";
    static final String EXTENSION_ANNOUNCED_ON = "dpaExtensionAnnouncedOn";
    static final String EXTENSION_REASONS = "dpaExtensionReasons";
    static final String OVERDUE_ANNOUNCED_ON = "dpaOverdueAnnouncedOn";
    static final String OVERDUE_REASONS = "dpaOverdueReasons";
    static final String ANSWER_OUTCOME = "dpaAnswerOutcome";
    static final String ANSWER_DATE = "dpaAnswerDate";
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
        LocalDate received = DpaFormFields.date(execution, RECEIPT_DATE, "de datum van ontvangst door de AP");
        LocalDate sent = DpaFormFields.date(execution, SUBMISSION_DATE, "de datum van indiening");
        if (received.isBefore(sent)) {
            throw new InvalidInputException(
                    RECEIPT_DATE,
                    "The DPA cannot have received the request (" + received + ") before it was submitted (" + sent
                            + ").");
        }
        // Nor can it have been submitted before this DPIA existed: a back-dated receipt made the DPA's period end at
        // once, so the alderman could decide without its answer (probe 65).
        LocalDate started = startOf(execution);
        if (sent.isBefore(started)) {
            throw new InvalidInputException(
                    SUBMISSION_DATE,
                    "The request cannot have been submitted to the DPA (" + sent + ") before this DPIA was started ("
                            + started + ").");
        }
        // A new consultation: no answer or report of an earlier one is left in the answer form.
        for (String left : List.of(
                ANSWER_OUTCOME,
                "dpaAnswerSummary",
                ANSWER_DATE,
                INFORMATION_REQUESTED,
                EXTENSION_ANNOUNCED,
                EXTENSION_ANNOUNCED_ON,
                EXTENSION_REASONS)) {
            execution.removeVariable(left);
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

    /** What the DPA reported on the answer task: its answer, a request for information, or an extension. */
    public enum Report {
        ANSWER,
        INFORMATION_REQUESTED,
        EXTENSION_ANNOUNCED
    }

    /**
     * The answer task was completed: the DPA asked for information first (the period stands still from the request's
     * date), announced an extension (checked here, recorded by {@link #extend}), or answered. One report at a time.
     */
    public Report reported(DelegateExecution execution) {
        boolean information = Boolean.TRUE.equals(execution.getVariable(INFORMATION_REQUESTED));
        boolean extension = Boolean.TRUE.equals(execution.getVariable(EXTENSION_ANNOUNCED));
        if (information && extension) {
            throw new InvalidInputException(
                    EXTENSION_ANNOUNCED,
                    "Record one report of the DPA at a time: its request for information or its extension.");
        }
        if (extension) {
            checkExtension(execution, EXTENSION_ANNOUNCED, EXTENSION_ANNOUNCED_ON, EXTENSION_REASONS);
            return Report.EXTENSION_ANNOUNCED;
        }
        if (!information) {
            if (!ANSWERS.contains(String.valueOf(execution.getVariable(ANSWER_OUTCOME)))) {
                throw new InvalidInputException(
                        ANSWER_OUTCOME,
                        "Field 'dpaAnswerOutcome' must be NO_OBJECTION, ADVICE_WITH_MEASURES or INFRINGEMENT"
                                + " (or set dpaInformationRequested or dpaExtensionAnnounced when the DPA asked for"
                                + " information first or extended its period).");
            }
            LocalDate answered = DpaFormFields.date(execution, ANSWER_DATE, "de datum van het antwoord van de AP");
            LocalDate received = receivedOn(execution);
            if (answered.isBefore(received)) {
                throw new InvalidInputException(
                        ANSWER_DATE,
                        "The DPA cannot have answered (" + answered + ") before it received the request (" + received
                                + ").");
            }
            return Report.ANSWER;
        }
        LocalDate requested =
                DpaFormFields.date(execution, INFORMATION_REQUESTED_ON, "de datum van het informatieverzoek");
        if (requested.isBefore(receivedOn(execution))) {
            throw new InvalidInputException(
                    INFORMATION_REQUESTED_ON,
                    "The DPA cannot have requested information (" + requested + ") before it received the request.");
        }
        execution.setVariable(INFORMATION_REQUESTED, false);
        execution.setVariable(SUSPENDED_FROM, requested.toString());
        audit.record(
                AuditAction.DPA_INFORMATION_REQUESTED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("requestedOn", requested.toString()));
        return Report.INFORMATION_REQUESTED;
    }

    /** The information reached the DPA: the days since its request are added to the period. */
    public void informationSupplied(DelegateExecution execution) {
        // The request's date as recorded when the suspension began, not the form field, which could be set since.
        LocalDate requested = execution.getVariable(SUSPENDED_FROM) instanceof String s
                ? LocalDate.parse(s)
                : DpaFormFields.date(execution, INFORMATION_REQUESTED_ON, "de datum van het informatieverzoek");
        LocalDate supplied =
                DpaFormFields.date(execution, INFORMATION_SUPPLIED_ON, "de datum waarop de AP de informatie ontving");
        if (supplied.isBefore(requested)) {
            throw new InvalidInputException(
                    INFORMATION_SUPPLIED_ON,
                    "The information cannot have reached the DPA (" + supplied + ") before it requested it ("
                            + requested + ").");
        }
        long days = ConsultationPeriod.suspendedDays(requested, supplied);
        execution.setVariable(SUSPENDED_DAYS, suspendedDays(execution) + days);
        execution.removeVariable(SUSPENDED_FROM);
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

    /**
     * The DPA extended its period, announced on the answer task while the period runs (service task
     * "dpa-record-announced-extension") or on the overdue task: once, announced with reasons within a month of the
     * receipt (Art. 36(2)); the timer then follows the extended last day. Which form's fields count follows from the
     * step, not from a variable.
     */
    public void extend(DelegateExecution execution) {
        Extension extension = "dpa-record-announced-extension".equals(execution.getCurrentActivityId())
                ? checkExtension(execution, EXTENSION_ANNOUNCED, EXTENSION_ANNOUNCED_ON, EXTENSION_REASONS)
                : checkExtension(execution, "dpaOverdueAction", OVERDUE_ANNOUNCED_ON, OVERDUE_REASONS);
        execution.setVariable(EXTENDED, true);
        execution.setVariable(EXTENSION_ANNOUNCED, false);
        audit.record(
                AuditAction.DPA_CONSULTATION_EXTENDED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of(
                        "extension",
                        periods.extension().toString(),
                        "announcedOn",
                        extension.announced().toString(),
                        "reasons",
                        extension.reasons()));
    }

    private record Extension(LocalDate announced, String reasons) {}

    /** An extension may be recorded: the first, announced with reasons within a month of the receipt. */
    private Extension checkExtension(
            DelegateExecution execution, String onceField, String dateField, String reasonsField) {
        if (!ConsultationPeriod.mayExtend(extended(execution))) {
            throw new InvalidInputException(
                    onceField, "The DPA can extend its period only once (Art. 36(2) GDPR); it was extended already.");
        }
        LocalDate announced = DpaFormFields.date(execution, dateField, "de datum waarop de AP de verlenging meldde");
        if (!ConsultationPeriod.extensionAnnouncedInTime(receivedOn(execution), announced)) {
            throw new InvalidInputException(
                    dateField,
                    "The DPA must announce an extension within one month of receiving the request ("
                            + receivedOn(execution) + "); announced on " + announced
                            + " it does not extend the period (Art. 36(2) GDPR).");
        }
        String reasons = DpaFormFields.text(execution, reasonsField);
        if (reasons.isEmpty()) {
            throw new InvalidInputException(
                    reasonsField, "Field '" + reasonsField + "' is required: the DPA gives the reasons for the delay.");
        }
        return new Extension(announced, reasons);
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
    /** The day the DPIA's process started (Amsterdam), from the engine's history. */
    private static LocalDate startOf(DelegateExecution execution) {
        HistoricProcessInstance instance = execution
                .getProcessEngineServices()
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .singleResult();
        Date start = instance == null ? null : instance.getStartTime();
        return start == null
                ? LocalDate.MIN
                : start.toInstant().atZone(AMSTERDAM).toLocalDate();
    }

    private static LocalDate receivedOn(DelegateExecution execution) {
        if (execution.getVariable(RECEIVED_ON) instanceof String s) {
            return LocalDate.parse(s);
        }
        Object started = execution.getVariable(STARTED_AT);
        Instant start = started instanceof Date d ? d.toInstant() : Instant.now();
        return start.atZone(AMSTERDAM).toLocalDate();
    }
}
