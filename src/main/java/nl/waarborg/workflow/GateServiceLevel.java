package nl.waarborg.workflow;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.settings.RuntimeSettings;
import nl.waarborg.settings.Setting;
import nl.waarborg.workflow.rules.GateDeadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The service level of a gate: due after a number of working days (the run-time setting {@code gateSlaWorkingDays},
 * default 10; the rule is {@link GateDeadline}).
 * Used by the models as {@code ${gateSla.dueDate()}} on the gate's boundary timer and by the gate listener for the
 * task's due date; {@code ${gateSla.escalate(execution)}} records that a gate ran over time.
 */
@Component("gateSla")
public class GateServiceLevel {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final RuntimeSettings settings;
    private final AuditTrail audit;

    public GateServiceLevel(RuntimeSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public Date dueDate() {
        return Date.from(deadline().dueFrom(ZonedDateTime.now(AMSTERDAM)).toInstant());
    }

    public void escalate(DelegateExecution execution) {
        audit.record(
                AuditAction.GATE_OVERDUE,
                null,
                execution.getProcessBusinessKey(),
                Map.of(
                        "activity",
                        String.valueOf(execution.getCurrentActivityId()),
                        "processInstanceId",
                        execution.getProcessInstanceId()));
    }

    public int workingDays() {
        return deadline().workingDays();
    }

    /** The administrator's current setting (Beheer → Instellingen), read at each gate: new gates use a change at once. */
    private GateDeadline deadline() {
        return new GateDeadline(settings.workingDays(Setting.GATE_SLA_WORKING_DAYS));
    }
}
