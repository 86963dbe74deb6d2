package nl.waarborg.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.process.TriageAnswers;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A cycle whose pre-scan was created under the yes/no form of before the fail-closed triage (the model and form of
 * that time, deployed here) cannot complete it under the current decision; {@link PreScanMigration} moves it to the
 * current model, keeps what means the same and leaves the rest for the user to answer.
 */
@WaarborgIntegrationTest
class PreScanMigrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FormService formService;

    @Autowired
    IdentityService identity;

    @Autowired
    SystemRegistry systems;

    @Autowired
    PreScanMigration migration;

    @Autowired
    AuditTrail audit;

    static InputStream resource(String path) {
        return PreScanMigrationTest.class.getResourceAsStream(path);
    }

    /** Deploys the model of before the fail-closed triage with its yes/no pre-scan form; returns its definition. */
    ProcessDefinition deployOldModel() {
        String id = repository
                .createDeployment()
                .name("assessment-cycle with the yes/no pre-scan (test)")
                .addInputStream(
                        "assessment-cycle.bpmn", resource("/migration/assessment-cycle-yes-no-pre-scan.bpmn.xml"))
                .addInputStream("triage.form", resource("/migration/triage-yes-no.form.json"))
                .deploy()
                .getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    /** Deploys the current model and its forms again, so that it is the latest version once more. */
    ProcessDefinition deployCurrentModel() throws IOException {
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name("assessment-cycle (test, current again)")
                .addInputStream("assessment-cycle.bpmn", resource("/bpmn/assessment-cycle.bpmn"));
        for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            deployment.addInputStream(form.getFilename(), form.getInputStream());
        }
        String id = deployment.deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    Task preScan(ProcessInstance cycle) {
        return tasks.createTaskQuery()
                .processInstanceId(cycle.getId())
                .taskDefinitionKey("fill-in-triage")
                .initializeFormKeys()
                .singleResult();
    }

    void completeAsLead(Task task, Map<String, Object> answers) {
        identity.setAuthentication("lead", List.of("project-lead"));
        try {
            tasks.complete(task.getId(), answers);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aCycleWaitingAtTheOldPreScanIsMigratedWithItsAnswersMappedFailClosed() throws IOException {
        String system = systems.register("Systeem " + UUID.randomUUID(), "Oud", "Sociaal Domein", "lead")
                .id();
        ProcessDefinition old = deployOldModel();
        ProcessInstance cycle = runtime.startProcessInstanceById(old.getId(), system);
        // The answers as the old form held them (e.g. carried over from an earlier round): checkboxes.
        Map<String, Object> oldAnswers = new HashMap<>(Map.of(
                "purpose", "Aanvragen sneller behandelen",
                "prohibitedPractice", "NONE",
                "annexIiiArea", "NONE",
                "dpaListType", "NONE",
                "isAiSystem", true,
                "processesPersonalData", true,
                "legalEffects", false,
                "narrowProceduralTask", true,
                "art35Paragraph3Case", false));
        runtime.setVariables(cycle.getId(), oldAnswers);
        ProcessDefinition current = deployCurrentModel();

        // Under the old form the pre-scan cannot be completed: the current decision refuses yes/no booleans.
        assertThatThrownBy(() -> completeAsLead(preScan(cycle), oldAnswers)).isInstanceOf(InvalidInputException.class);
        assertThat(preScan(cycle).getProcessDefinitionId()).isEqualTo(old.getId());

        assertThat(migration.migrate()).contains(cycle.getId());
        assertThat(migration.migrate()).as("a second run changes nothing").doesNotContain(cycle.getId());

        Task task = preScan(cycle);
        assertThat(task.getProcessDefinitionId()).isEqualTo(current.getId());
        assertThat(formService.getTaskFormVariables(task.getId())).isNotNull();
        Map<String, Object> variables = runtime.getVariables(cycle.getId());
        assertThat(variables)
                .containsEntry("isAiSystem", "YES")
                .containsEntry("processesPersonalData", "YES")
                .containsEntry("purpose", "Aanvragen sneller behandelen")
                .containsEntry("annexIiiArea", "NONE")
                .doesNotContainKeys("legalEffects", "narrowProceduralTask", "art35Paragraph3Case");
        assertThat(audit.events(system, 20))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("PRE_SCAN_MIGRATED"));

        // The unanswered questions must be answered now (fail-closed) ...
        assertThatThrownBy(() -> completeAsLead(preScan(cycle), Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("legalEffects");
        // ... and with every answer the cycle goes on under the current decision.
        Map<String, Object> answers = TriageAnswers.with(Map.of("isAiSystem", "YES", "processesPersonalData", "YES"));
        completeAsLead(preScan(cycle), answers);
        assertThat(runtime.getVariables(cycle.getId())).containsEntry("aiActClass", "MINIMAL");
        assertThat(preScan(cycle)).isNull();
    }

    @Test
    void onlyTickedBoxesThatMeanTheSameAreKept() {
        Map<String, Object> mapped = new HashMap<>();
        List<String> removed = PreScanMigration.mapAnswers(
                Map.of(
                        "isAiSystem", false,
                        "edpbLargeScale", true,
                        "narrowProceduralTask", true,
                        "purpose", "x",
                        "profilesPersons", "YES"),
                mapped);
        assertThat(mapped).containsOnly(Map.entry("edpbLargeScale", "YES"));
        assertThat(removed).containsExactlyInAnyOrder("isAiSystem", "narrowProceduralTask");
    }
}
