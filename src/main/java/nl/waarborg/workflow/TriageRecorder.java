package nl.waarborg.workflow;

import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** After the triage decision: the publication category goes into the register. */
@Component("triageRecorder")
public class TriageRecorder implements ExecutionListener {

    private final SystemRegistry systems;

    public TriageRecorder(SystemRegistry systems) {
        this.systems = systems;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object category = execution.getVariable(ProcessVariables.PUBLICATION_CATEGORY);
        if (category != null) {
            systems.setPublicationCategory(execution.getProcessBusinessKey(), category.toString());
        }
    }
}
