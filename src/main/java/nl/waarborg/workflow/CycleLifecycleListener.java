package nl.waarborg.workflow;

import nl.waarborg.assessment.RoundParties;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of an assessment cycle: only a registered system can have one (whichever client starts it). Sets
 * {@code systemId}, and {@code round} when the starter passed none (CycleRounds.begin). Who started the cycle is recorded for
 * segregation of duties (ADR 0014).
 */
@Component("cycleLifecycle")
public class CycleLifecycleListener implements ExecutionListener {

    private final SystemRegistry systems;
    private final CycleRounds rounds;
    private final RoundParties parties;

    public CycleLifecycleListener(SystemRegistry systems, CycleRounds rounds, RoundParties parties) {
        this.systems = systems;
        this.rounds = rounds;
        this.parties = parties;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String systemId = execution.getProcessBusinessKey();
        if (systemId == null || systems.find(systemId).isEmpty()) {
            throw new UnknownSystemException(systemId);
        }
        execution.setVariable(ProcessVariables.SYSTEM_ID, systemId);
        rounds.begin(execution);
        Object round = execution.getVariable(ProcessVariables.ROUND);
        parties.recordCycleStart(
                systemId,
                round instanceof Number n ? n.intValue() : 1,
                execution.getProcessInstanceId(),
                EngineUser.of(execution));
    }
}
