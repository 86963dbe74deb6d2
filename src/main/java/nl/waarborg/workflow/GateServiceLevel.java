package nl.waarborg.workflow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.waarborg.audit.AuditTrail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service level of a gate: due after a number of working days (weekends skipped; default 10).
 * Used by the models as {@code ${gateSla.dueDate()}} on the gate's boundary timer and by the gate listener for the
 * task's due date; {@code ${gateSla.escalate(execution)}} records that a gate ran over time.
 */
@Component("gateSla")
public class GateServiceLevel {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final int workingDays;
    private final AuditTrail audit;

    public GateServiceLevel(@Value("${waarborg.gates.sla-working-days:10}") int workingDays, AuditTrail audit) {
        if (workingDays < 1) {
            throw new IllegalStateException("waarborg.gates.sla-working-days must be at least 1, not " + workingDays);
        }
        this.workingDays = workingDays;
        this.audit = audit;
    }

    public Date dueDate() {
        return Date.from(addWorkingDays(ZonedDateTime.now(AMSTERDAM), workingDays).toInstant());
    }

    static ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime result = start;
        int added = 0;
        while (added < days) {
            result = result.plusDays(1);
            if (isWorkingDay(result.toLocalDate())) {
                added++;
            }
        }
        return result;
    }

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    public void escalate(DelegateExecution execution) {
        audit.record("GATE_OVERDUE", null, execution.getProcessBusinessKey(),
                Map.of("activity", String.valueOf(execution.getCurrentActivityId()), "processInstanceId", execution.getProcessInstanceId()));
    }

    public int workingDays() {
        return workingDays;
    }
}
