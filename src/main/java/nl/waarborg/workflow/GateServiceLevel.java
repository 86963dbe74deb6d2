package nl.waarborg.workflow;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.workflow.rules.GateDeadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service level of a gate: due after a number of working days (default 10; the rule is {@link GateDeadline}).
 * Used by the models as {@code ${gateSla.dueDate()}} on the gate's boundary timer and by the gate listener for the
 * task's due date; {@code ${gateSla.escalate(execution)}} records that a gate ran over time.
 */
@Component("gateSla")
public class GateServiceLevel {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final GateDeadline deadline;
    private final AuditTrail audit;

    public GateServiceLevel(@Value("${waarborg.gates.sla-working-days:10}") int workingDays, AuditTrail audit) {
        this.deadline = new GateDeadline(workingDays);
        this.audit = audit;
    }

    public Date dueDate() {
        return Date.from(deadline.dueFrom(ZonedDateTime.now(AMSTERDAM)).toInstant());
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
        return deadline.workingDays();
    }
}
