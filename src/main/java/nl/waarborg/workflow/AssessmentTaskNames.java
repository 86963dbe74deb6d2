package nl.waarborg.workflow;

import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.UserTaskObserver;
import nl.waarborg.shared.TaskNames;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A task names what it belongs to at runtime: its assessment for a task of the IAMA or DPIA (ADR 0041) and then its
 * system (ADR 0047), e.g. "Advies functionaris gegevensbescherming (DPIA) - Fraudesignalering", so that the privacy
 * officer and the alderman tell their tasks apart in Camunda Tasklist and in /engine-rest too. The models keep their
 * plain Dutch element names; Waarborg's pages and mails show the name without the system ({@link TaskNames}), as they
 * name the system beside it. Runs first among the observers and after the model's own listeners (which may rename a
 * task, e.g. an action point or a go-live check), so the notification of the new task already has the full name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AssessmentTaskNames implements UserTaskObserver {

    private final SystemRegistry systems;

    public AssessmentTaskNames(SystemRegistry systems) {
        this.systems = systems;
    }

    @Override
    public java.util.List<String> events() {
        return java.util.List.of(EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String name = task.getName();
        if (name == null) {
            return;
        }
        String suffix = suffix(EngineAccess.processKeyOf(task.getProcessDefinitionId()));
        if (suffix != null && !name.endsWith(suffix) && !name.contains(suffix + TaskNames.SEPARATOR)) {
            name = name + suffix;
        }
        String systemId =
                task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        String system = systemId == null
                ? null
                : systems.fixedFacts(systemId)
                        .map(SystemRegistry.FixedFacts::name)
                        .orElse(null);
        name = TaskNames.withSystem(name, system);
        if (!name.equals(task.getName())) {
            task.setName(name);
        }
    }

    /** " (IAMA)" or " (DPIA)" for a task of that process; null for any other. */
    static String suffix(String processKey) {
        if ("iama".equals(processKey)) {
            return " (IAMA)";
        }
        return "dpia".equals(processKey) ? " (DPIA)" : null;
    }
}
