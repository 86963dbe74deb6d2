package nl.waarborg.forms;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarborg.engine.CompletionCheck;
import nl.waarborg.engine.TaskCompletions;
import nl.waarborg.engine.TaskVariableWrites;
import nl.waarborg.engine.VariableValues;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task completion, from any client, is checked against the task's deployed Camunda Form: a command
 * interceptor refuses keys that are not on the form (complete and submit-form), and a built-in complete listener
 * checks the answers as the task holds them then (the submitted ones and those it had) with {@link FormValidator},
 * and the content rules that hold between answers: the pre-scan's answers against each other
 * ({@link TriageContradictions}), a risk's level against its likelihood and impact ({@link RiskMatrix}) and the
 * measures of DPIA section D against the risks of section C as saved ({@link RiskReferences}, {@link SavedSections}).
 * Either refusal is a {@link FormInputException} (400). Tasks without a Camunda Form are not checked.
 */
@Component
public class TaskFormCheck extends AbstractProcessEnginePlugin implements CompletionCheck {

    private final FormCatalog catalog;
    private final ObjectProvider<SavedSections> savedSections;
    private final FormValidator validator = new FormValidator();
    /** Deployed forms by deployment and key: a deployment never changes, so each is read from the database once. */
    private final Map<String, FormCatalog.Form> deployed = new ConcurrentHashMap<>();

    public TaskFormCheck(FormCatalog catalog, ObjectProvider<SavedSections> savedSections) {
        this.catalog = catalog;
        this.savedSections = savedSections;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskCompletions.beforeEach(configuration, (command, completion) -> {
            if (completion.variables() != null && !completion.variables().isEmpty()) {
                refuseUnknownKeys(completion);
            }
        });
        TaskVariableWrites.afterEachLocal(configuration, this::refuseAnswersAsLocals);
    }

    /**
     * A local variable named like an answer of the task's form would take that answer at completion and end with the
     * task, so the process would keep an older answer (or none) than the one saved: refused, naming the key.
     */
    private void refuseAnswersAsLocals(String taskId, java.util.Collection<String> names) {
        TaskEntity task = taskId == null
                ? null
                : Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null) {
            return;
        }
        formOf(task)
                .ifPresent(form -> names.stream()
                        .filter(name -> form.input(name).isPresent())
                        .sorted()
                        .findFirst()
                        .ifPresent(key -> {
                            throw new InvalidInputException(
                                    key,
                                    "'" + key
                                            + "' is an answer of this task's form: it is given by completing the task, not"
                                            + " as a local variable of the task beforehand.");
                        }));
    }

    private void refuseUnknownKeys(TaskCompletions.Completion completion) {
        CommandContext context = Context.getCommandContext();
        TaskEntity task = context == null || completion.taskId() == null
                ? null
                : context.getTaskManager().findTaskById(completion.taskId());
        if (task == null) {
            return; // the command itself reports the missing task
        }
        formOf(task).ifPresent(form -> {
            List<FormViolation> unknown =
                    validator.unknownKeys(form, completion.variables().keySet());
            if (!unknown.isEmpty()) {
                throw new FormInputException(unknown);
            }
        });
    }

    /** On complete: the answers the task holds now, as the form asks them. */
    @Override
    public void notify(DelegateTask task) {
        if (!(task instanceof TaskEntity entity)) {
            return;
        }
        formOf(entity).ifPresent(form -> {
            java.util.function.Function<String, Object> answers =
                    name -> VariableValues.toPlain(task.getVariable(name));
            List<FormViolation> problems = new java.util.ArrayList<>(validator.check(form, answers));
            if (problems.isEmpty()) {
                problems.addAll(contentRules(form.id(), answers, entity));
            }
            if (!problems.isEmpty()) {
                throw new FormInputException(problems);
            }
        });
    }

    /** The rules between answers (and between sections) of one form; empty when they hold. */
    private List<FormViolation> contentRules(
            String formId, java.util.function.Function<String, Object> answers, TaskEntity task) {
        return switch (formId) {
            case TriageContradictions.FORM_ID -> TriageContradictions.check(answers);
            case RiskMatrix.FORM_ID -> RiskMatrix.contradictions(answers);
            case RiskReferences.FORM_ID ->
                RiskReferences.check(answers.apply(RiskReferences.MEASURES), risksOfSectionC(task, answers));
            default -> List.of();
        };
    }

    /** Section C's risks as saved in the task's version; the variable only for a process without a version. */
    private Object risksOfSectionC(TaskEntity task, java.util.function.Function<String, Object> answers) {
        SavedSections saved = savedSections.getIfAvailable();
        Optional<Map<String, Map<String, Object>>> sections =
                saved == null ? Optional.empty() : saved.sections(task.getProcessInstanceId(), RiskMatrix.FORM_ID);
        return sections.isPresent()
                ? sections.get().get(RiskMatrix.FORM_ID).get(RiskMatrix.RISKS)
                : answers.apply(RiskMatrix.RISKS);
    }

    /** The Camunda Form the task shows, as deployed with its process; empty for a task without one. */
    private Optional<FormCatalog.Form> formOf(TaskEntity task) {
        task.initializeFormKey(); // resolved lazily; a listener or interceptor sees it only after this
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null || ref.getKey() == null || task.getProcessDefinition() == null) {
            return Optional.empty();
        }
        String deploymentId = task.getProcessDefinition().getDeploymentId();
        if (!"deployment".equals(ref.getBinding())) {
            return Optional.of(read(ref, deploymentId));
        }
        return Optional.of(deployed.computeIfAbsent(deploymentId + "/" + ref.getKey(), k -> read(ref, deploymentId)));
    }

    private FormCatalog.Form read(CamundaFormRef ref, String deploymentId) {
        CommandContext context = Context.getCommandContext();
        CamundaFormDefinition definition =
                context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
        if (definition == null) {
            throw new IllegalStateException(
                    "No deployed Camunda Form '" + ref.getKey() + "' for deployment " + deploymentId);
        }
        ResourceEntity resource = context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        try {
            return catalog.parse(new ByteArrayInputStream(resource.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the deployed form " + definition.getResourceName(), e);
        }
    }
}
