package nl.waarborg.workflow.rules;

import java.time.ZonedDateTime;

/** The service level of a gate: its decision is due a number of working days (at least one) after the gate opens. */
public record GateDeadline(int workingDays) {

    public GateDeadline {
        if (workingDays < 1) {
            throw new IllegalStateException("waarborg.gates.sla-working-days must be at least 1, not " + workingDays);
        }
    }

    public ZonedDateTime dueFrom(ZonedDateTime opened) {
        return WorkingDays.add(opened, workingDays);
    }
}
