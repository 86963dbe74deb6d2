package nl.waarborg.workflow;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
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
 * Prior consultation of the Dutch DPA (GDPR Art. 36): the DPA answers within a period (default P8W) that it may
 * extend once (default P6W); the rule is {@link ConsultationPeriod}. Used by dpia.bpmn: {@code ${dpaConsultation.submitted(execution)}} when the submission is
 * recorded, {@code ${dpaConsultation.dueDate(execution)}} on the answer timer, {@code ${dpaConsultation.extend(execution)}}
 * when the manager records an extension, {@code ${dpaConsultation.overdue(execution)}} when the period ran out.
 */
@Component("dpaConsultation")
public class DpaConsultation {

    public static final String STARTED_AT = "dpaConsultationStartedAt";
    public static final String EXTENDED = "dpaConsultationExtended";

    private final ConsultationPeriod periods;
    private final AuditTrail audit;

    public DpaConsultation(
            @Value("${waarborg.dpa.consultation-period:P8W}") String period,
            @Value("${waarborg.dpa.consultation-extension:P6W}") String extension,
            AuditTrail audit) {
        this.periods = ConsultationPeriod.of(period, extension);
        this.audit = audit;
    }

    public void submitted(DelegateExecution execution) {
        execution.setVariable(STARTED_AT, Date.from(Instant.now()));
        execution.setVariable(EXTENDED, false);
        audit.record(
                AuditAction.DPA_CONSULTATION_SUBMITTED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("processInstanceId", execution.getProcessInstanceId()));
    }

    /** When the DPA's answer is due: start + period, plus the extension once it was granted. */
    public Date dueDate(DelegateExecution execution) {
        Object started = execution.getVariable(STARTED_AT);
        Instant start = started instanceof Date d ? d.toInstant() : Instant.now();
        return Date.from(periods.due(start, Boolean.TRUE.equals(execution.getVariable(EXTENDED))));
    }

    public void overdue(DelegateExecution execution) {
        audit.record(
                AuditAction.DPA_CONSULTATION_OVERDUE,
                null,
                execution.getProcessBusinessKey(),
                Map.of("extended", Boolean.TRUE.equals(execution.getVariable(EXTENDED))));
    }

    /** The DPA extended its period; it may do so only once (Art. 36(2) GDPR). */
    public void extend(DelegateExecution execution) {
        if (!ConsultationPeriod.mayExtend(Boolean.TRUE.equals(execution.getVariable(EXTENDED)))) {
            throw new InvalidInputException(
                    "dpaOverdueAction",
                    "De Autoriteit Persoonsgegevens kan de termijn maar één keer verlengen;"
                            + " kies 'Verder zonder antwoord'.");
        }
        execution.setVariable(EXTENDED, true);
        audit.record(
                AuditAction.DPA_CONSULTATION_EXTENDED,
                EngineUser.of(execution),
                execution.getProcessBusinessKey(),
                Map.of("extension", periods.extension().toString()));
    }

    public Period period() {
        return periods.period();
    }

    public Period extension() {
        return periods.extension();
    }
}
