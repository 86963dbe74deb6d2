package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.forms.FormCatalog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.springframework.stereotype.Component;

/**
 * Completion of a content task (triage, an IAMA part, a DPIA section): the fields of its form are saved into the
 * draft version as one section, and the user is recorded as a contributor for segregation of duties.
 */
@Component("contentTaskListener")
public class ContentTaskListener implements TaskListener {

    public static final String TRIAGE_FORM = "triage";

    private final AssessmentService assessments;

    private final AssessmentReads reads;

    private final TriageRecords triageService;
    private final FormCatalog forms;

    public ContentTaskListener(
            AssessmentService assessments, AssessmentReads reads, TriageRecords triageService, FormCatalog forms) {
        this.assessments = assessments;
        this.reads = reads;
        this.triageService = triageService;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = formIdOf(task);
        FormCatalog.Form form = forms.form(formId)
                .orElseThrow(() -> new IllegalStateException("Task " + task.getTaskDefinitionKey() + " refers to form '"
                        + formId + "', which is not in forms/."));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : form.fields().keySet()) {
            if (task.hasVariable(key)) {
                values.put(key, VariableValues.toPlain(task.getVariable(key)));
            }
        }
        String user = EngineUser.of(task);
        if (TRIAGE_FORM.equals(formId)) {
            triageService.recordTriageInputs(task.getExecution().getProcessBusinessKey(), round(task), values, user);
            return;
        }
        // The version of the task's own process instance, never a variable (whoever works the task could set one).
        AssessmentReads.VersionKey version = reads.versionOfProcess(task.getProcessInstanceId())
                .orElseThrow(
                        () -> new IllegalStateException(
                                "Content task " + task.getTaskDefinitionKey() + " runs outside an"
                                        + " assessment version; the process must start with the assessmentLifecycle listener."));
        assessments.saveSection(version.assessmentId(), version.number(), formId, values, user);
    }

    static String formIdOf(DelegateTask task) {
        org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity =
                (org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task;
        entity.initializeFormKey(); // the form reference is resolved lazily; a listener sees it only after this
        CamundaFormRef ref = entity.getCamundaFormRef();
        if (ref == null || ref.getKey() == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no camunda:formRef.");
        }
        return ref.getKey();
    }

    static int round(DelegateTask task) {
        Object round = task.getVariable(ProcessVariables.ROUND);
        return round instanceof Number n ? n.intValue() : 1;
    }
}
