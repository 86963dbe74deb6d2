package nl.waarborg.workflow;

import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.UserTaskObserver;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A task of the IAMA or DPIA process names its assessment at runtime, e.g. "Advies functionaris gegevensbescherming
 * (DPIA)", so that the privacy officer and the alderman tell the two advice tasks of one system apart in every list,
 * mail and Tasklist. The models keep their plain Dutch element names. Runs first among the observers, so the
 * notification of the new task already carries the full name.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AssessmentTaskNames implements UserTaskObserver {

    @Override
    public java.util.List<String> events() {
        return java.util.List.of(EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String suffix = suffix(EngineAccess.processKeyOf(task.getProcessDefinitionId()));
        String name = task.getName();
        if (suffix != null && name != null && !name.endsWith(suffix)) {
            task.setName(name + suffix);
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
