package nl.waarborg.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A start-up step (ADR 0031): cycles whose pre-scan task was created under an older assessment-cycle (the yes/no form
 * of before the fail-closed triage, ADR 0022) cannot complete it under the current triage decision. Each such cycle is
 * migrated to the latest assessment-cycle (Camunda process-instance migration, the pre-scan task is kept and shows the
 * current form), and its old answers are mapped: a ticked box becomes "YES" where the question means the same; an
 * unticked box, which never meant a considered "no", and the questions that were split up are removed, so the user
 * must answer them (fail-closed). Idempotent; runs at every start unless {@code waarborg.migration.pre-scan=false}.
 */
@Component
public class PreScanMigration {

    private static final Logger log = LoggerFactory.getLogger(PreScanMigration.class);

    static final String CYCLE = "assessment-cycle";
    static final String PRE_SCAN = "fill-in-triage";

    /** Old yes/no questions (checkboxes) that the current pre-scan asks with the same meaning. */
    static final Set<String> SAME_MEANING = Set.of(
            "isAiSystem",
            "profilesPersons",
            "legalEffects",
            "classifiesPersons",
            "processesPersonalData",
            "edpbEvaluationScoring",
            "edpbAutomatedDecision",
            "edpbSystematicMonitoring",
            "edpbSensitiveData",
            "edpbLargeScale",
            "edpbMatchingDatasets",
            "edpbVulnerableSubjects",
            "edpbNewTechnology",
            "edpbBlocksRightOrService");

    /** Old questions the current pre-scan splits into several (Art. 6(3) (a)-(d); Art. 35(3) (a)-(c)). */
    static final Set<String> SPLIT = Set.of("narrowProceduralTask", "art35Paragraph3Case");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditTrail audit;
    private final boolean enabled;

    public PreScanMigration(
            RepositoryService repository,
            RuntimeService runtime,
            TaskService tasks,
            AuditTrail audit,
            @Value("${waarborg.migration.pre-scan:true}") boolean enabled) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        if (enabled) {
            List<String> migrated = migrate();
            if (!migrated.isEmpty()) {
                log.info(
                        "Migrated {} cycle(s) waiting at the pre-scan to the latest {}: {}",
                        migrated.size(),
                        CYCLE,
                        migrated);
            }
        }
    }

    /** Migrates every cycle waiting at the pre-scan under an older definition; returns their process instance ids. */
    @Transactional
    public List<String> migrate() {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(CYCLE)
                .latestVersion()
                .singleResult();
        List<String> migrated = new ArrayList<>();
        if (latest == null) {
            return migrated;
        }
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKey(CYCLE)
                .taskDefinitionKey(PRE_SCAN)
                .list()) {
            if (latest.getId().equals(task.getProcessDefinitionId())) {
                continue;
            }
            MigrationPlan plan = runtime.createMigrationPlan(task.getProcessDefinitionId(), latest.getId())
                    .mapEqualActivities()
                    .build();
            runtime.newMigration(plan)
                    .processInstanceIds(task.getProcessInstanceId())
                    .execute();
            Map<String, Object> mapped = new LinkedHashMap<>();
            mapAnswers(runtime.getVariables(task.getProcessInstanceId()), mapped)
                    .forEach(name -> runtime.removeVariable(task.getProcessInstanceId(), name));
            runtime.setVariables(task.getProcessInstanceId(), mapped);
            mapAnswers(tasks.getVariablesLocal(task.getId()), mapped)
                    .forEach(name -> tasks.removeVariableLocal(task.getId(), name));
            audit.record(
                    AuditAction.PRE_SCAN_MIGRATED,
                    null,
                    runtime.createProcessInstanceQuery()
                            .processInstanceId(task.getProcessInstanceId())
                            .singleResult()
                            .getBusinessKey(),
                    Map.of("from", task.getProcessDefinitionId(), "to", latest.getId(), "mapped", mapped.keySet()));
            migrated.add(task.getProcessInstanceId());
        }
        return migrated;
    }

    /**
     * The old answers among {@code variables}: those that keep their meaning go into {@code mapped} ("YES" for a ticked
     * box); the names returned are the variables to remove (unticked boxes, split questions, and the mapped ones'
     * boolean values where they are replaced).
     */
    static List<String> mapAnswers(Map<String, Object> variables, Map<String, Object> mapped) {
        List<String> remove = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (SPLIT.contains(name)) {
                remove.add(name);
            } else if (SAME_MEANING.contains(name) && value instanceof Boolean ticked) {
                if (ticked) {
                    mapped.put(name, "YES");
                } else {
                    remove.add(name);
                }
            }
        });
        return remove;
    }
}
