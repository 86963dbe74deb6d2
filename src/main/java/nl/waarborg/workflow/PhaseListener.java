package nl.waarborg.workflow;

import nl.waarborg.system.SystemRecord.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Only for instances of assessment-cycle versions deployed before the models named their phase listeners
 * (issue 21): their XML still calls {@code ${phaseListener.enter(execution, 'IMPLEMENT')}}. The current model uses
 * {@link PhaseListeners}. Remove once no instance of those versions runs.
 */
@Component("phaseListener")
public class PhaseListener {

    private final SystemPhases phases;

    public PhaseListener(SystemPhases phases) {
        this.phases = phases;
    }

    public void enter(DelegateExecution execution, String phaseName) {
        phases.enter(execution.getProcessBusinessKey(), Phase.valueOf(phaseName), PhaseListeners.stopReason(execution));
    }
}
