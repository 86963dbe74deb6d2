package nl.waarborg.workflow;

import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRecord.Status;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the system's phase in step with the cycle. Called from the models as
 * {@code ${phaseListener.enter(execution, 'IMPLEMENT')}}.
 */
@Component("phaseListener")
public class PhaseListener {

    private final SystemRegistry systems;

    public PhaseListener(SystemRegistry systems) {
        this.systems = systems;
    }

    public void enter(DelegateExecution execution, String phaseName) {
        Phase phase = Phase.valueOf(phaseName);
        String reason = null;
        Status status = switch (phase) {
            case REGISTERED -> Status.NEW;
            case DEVELOP -> Status.IN_ASSESSMENT;
            case IMPLEMENT -> Status.IN_IMPLEMENTATION;
            case EVALUATE -> Status.IN_USE;
            case STOPPED -> Status.STOPPED;
            case RETIRED -> Status.RETIRED;
        };
        if (phase == Phase.STOPPED) {
            Object stopReason = execution.getVariable(ProcessVariables.TRIAGE_STOP_REASON);
            reason = stopReason == null ? null : stopReason.toString();
        }
        systems.moveTo(execution.getProcessBusinessKey(), phase, status, reason);
    }
}
