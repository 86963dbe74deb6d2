package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine settings that the Spring Boot properties cannot express: every user task reports to the
 * {@link UserTaskObserver}s and runs the {@link CompletionCheck}s first on completion, and every process gets the configured history time-to-live (an archival duty, in years).
 */
@Component
public class WorkflowEngineConfiguration extends AbstractProcessEnginePlugin {

    /** The user ids the identity store takes: letters, digits, '_', '.', '-' and '@', starting with a letter or digit. */
    public static final String USER_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9_.@-]*";

    private final int historyTimeToLiveDays;
    private final List<UserTaskObserver> observers;
    private final List<CompletionCheck> completionChecks;

    public WorkflowEngineConfiguration(
            @Value("${waarborg.history-time-to-live-days:3650}") int historyTimeToLiveDays,
            List<UserTaskObserver> observers,
            List<CompletionCheck> completionChecks) {
        this.observers = List.copyOf(observers);
        this.completionChecks = List.copyOf(completionChecks);
        if (historyTimeToLiveDays < 365) {
            throw new IllegalStateException("waarborg.history-time-to-live-days is " + historyTimeToLiveDays
                    + "; assessment history is an archival record and must be kept at least one year.");
        }
        this.historyTimeToLiveDays = historyTimeToLiveDays;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The group ids of the contract (e.g. "project-lead") have hyphens, which the default pattern refuses. User ids
        // may have an '@' too: single sign-on users often get their e-mail-like login name (ADR 0025).
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9_.-]*|camunda-admin");
        configuration.setUserResourceWhitelistPattern(USER_ID_PATTERN);
        configuration.setHistoryTimeToLive("P" + historyTimeToLiveDays + "D");

        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                // The configured value wins over the one in the model, so operators can follow their archive rules.
                processDefinition.setHistoryTimeToLive(historyTimeToLiveDays);
            }

            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                // Every user task reports to the observers (e.g. oversight's wait tracker), so the models need not name
                // them.
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (UserTaskObserver observer : observers) {
                    observer.events().forEach(event -> task.addTaskListener(event, observer));
                }
                // Built in: before the model's listeners (which act on the answers), and not skipped on request.
                completionChecks.forEach(check -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    public int historyTimeToLiveDays() {
        return historyTimeToLiveDays;
    }
}
