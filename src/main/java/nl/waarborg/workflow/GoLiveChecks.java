package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.assessment.GoLiveCheckRecords;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.FormCatalog;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.workflow.rules.GoLiveRequirements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The go-live checks (tasks "go-live-…" in assessment-cycle; the rule is {@link GoLiveRequirements}, which checks
 * apply is {@link GoLiveDuties}). Task listener ({@code camunda:delegateExpression="${goLiveChecks}"}): on creation an
 * instance of "go-live-duty" is named after its duty; on completion the confirmation is checked (a refusal leaves the
 * task open, 400) and the check is recorded as done in the round with the answers of its form as evidence.
 */
@Component("goLiveChecks")
public class GoLiveChecks implements TaskListener {

    /** The multi-instance task of the Art. 50 and provider duties; its element variable names the duty. */
    public static final String DUTY_TASK = "go-live-duty";

    public static final String DUTY = "goLiveDuty";

    private final GoLiveCheckRecords records;
    private final FormCatalog forms;

    public GoLiveChecks(GoLiveCheckRecords records, FormCatalog forms) {
        this.records = records;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        String check = checkOf(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setName(GoLiveDuties.Duty.ofCode(check)
                    .orElseThrow(() -> new IllegalStateException("Unknown go-live duty " + check))
                    .label());
            return;
        }
        GoLiveRequirements.problem(check, task::getVariable).ifPresent(problem -> {
            throw new InvalidInputException(problem.field(), problem.message());
        });
        Map<String, Object> evidence = new LinkedHashMap<>();
        forms.form(check)
                .orElseThrow(() -> new IllegalStateException("No form for go-live check " + check))
                .fields()
                .keySet()
                .forEach(key -> evidence.put(key, VariableValues.toPlain(task.getVariable(key))));
        Object round = task.getVariable(ProcessVariables.ROUND);
        records.recordDone(
                task.getExecution().getProcessBusinessKey(),
                round instanceof Number n ? n.intValue() : 1,
                check,
                EngineUser.of(task),
                evidence);
    }

    /** The check a task stands for: its duty for "go-live-duty", else the task itself. */
    static String checkOf(DelegateTask task) {
        if (!DUTY_TASK.equals(task.getTaskDefinitionKey())) {
            return task.getTaskDefinitionKey();
        }
        Object duty = task.getVariable(DUTY);
        if (duty == null) {
            throw new IllegalStateException("Task " + DUTY_TASK + " has no " + DUTY + ".");
        }
        return duty.toString();
    }
}
