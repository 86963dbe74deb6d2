package nl.waarborg.workflow;

import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of an assessment cycle: only a registered system can have one (whichever client starts it). Sets
 * {@code systemId}, and {@code round} when the starter passed none (CycleRounds.begin).
 */
@Component("cycleLifecycle")
public class CycleLifecycleListener implements ExecutionListener {

    private final SystemRegistry systems;
    private final CycleRounds rounds;

    public CycleLifecycleListener(SystemRegistry systems, CycleRounds rounds) {
        this.systems = systems;
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String systemId = execution.getProcessBusinessKey();
        if (systemId == null || systems.find(systemId).isEmpty()) {
            throw new UnknownSystemException(systemId);
        }
        execution.setVariable(ProcessVariables.SYSTEM_ID, systemId);
        rounds.begin(execution);
    }
}
