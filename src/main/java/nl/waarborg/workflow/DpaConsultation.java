package nl.waarborg.workflow;

import nl.waarborg.engine.EngineUser;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prior consultation of the Dutch DPA (GDPR Art. 36): the DPA answers within a period (default P8W) that it may
 * extend once (default P6W). Used by dpia.bpmn: {@code ${dpaConsultation.submitted(execution)}} when the submission is
 * recorded, {@code ${dpaConsultation.dueDate(execution)}} on the answer timer, {@code ${dpaConsultation.extend(execution)}}
 * when the manager records an extension, {@code ${dpaConsultation.overdue(execution)}} when the period ran out.
 */
@Component("dpaConsultation")
public class DpaConsultation {

    public static final String STARTED_AT = "dpaConsultationStartedAt";
    public static final String EXTENDED = "dpaConsultationExtended";

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final Period period;
    private final Period extension;
    private final AuditTrail audit;

    public DpaConsultation(@Value("${waarborg.dpa.consultation-period:P8W}") String period,
                           @Value("${waarborg.dpa.consultation-extension:P6W}") String extension, AuditTrail audit) {
        this.period = Period.parse(period);
        this.extension = Period.parse(extension);
        this.audit = audit;
    }

    public void submitted(DelegateExecution execution) {
        execution.setVariable(STARTED_AT, Date.from(Instant.now()));
        execution.setVariable(EXTENDED, false);
        audit.record("DPA_CONSULTATION_SUBMITTED", EngineUser.of(execution), execution.getProcessBusinessKey(),
                Map.of("processInstanceId", execution.getProcessInstanceId()));
    }

    /** When the DPA's answer is due: start + period, plus the extension once it was granted. */
    public Date dueDate(DelegateExecution execution) {
        Object started = execution.getVariable(STARTED_AT);
        Instant start = started instanceof Date d ? d.toInstant() : Instant.now();
        Period total = Boolean.TRUE.equals(execution.getVariable(EXTENDED)) ? period.plus(extension) : period;
        return Date.from(start.atZone(AMSTERDAM).plus(total).toInstant());
    }

    public void overdue(DelegateExecution execution) {
        audit.record("DPA_CONSULTATION_OVERDUE", null, execution.getProcessBusinessKey(),
                Map.of("extended", Boolean.TRUE.equals(execution.getVariable(EXTENDED))));
    }

    /** The DPA extended its period; it may do so only once (Art. 36(2) GDPR). */
    public void extend(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(EXTENDED))) {
            throw new InvalidInputException("dpaOverdueAction", "De Autoriteit Persoonsgegevens kan de termijn maar één keer verlengen;"
                    + " kies 'Verder zonder antwoord'.");
        }
        execution.setVariable(EXTENDED, true);
        audit.record("DPA_CONSULTATION_EXTENDED", EngineUser.of(execution), execution.getProcessBusinessKey(),
                Map.of("extension", extension.toString()));
    }

    public Period period() {
        return period;
    }

    public Period extension() {
        return extension;
    }
}
