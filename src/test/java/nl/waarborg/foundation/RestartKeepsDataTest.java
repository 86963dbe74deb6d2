package nl.waarborg.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.GateDecisionRequest;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "After stopping and restarting the app, a process instance started before is still there", and an approved
 * version keeps its hash: two real starts of the application on one database (an H2 file database, or a
 * PostgreSQL database in the second run).
 */
@Tag("database")
class RestartKeepsDataTest {

    private static final String PROBE = "restart-probe";

    @TempDir
    Path dataDirectory;

    @Test
    void aProcessInstanceAndItsVariablesSurviveARestart() {
        Map<String, Object> database = database();
        String instanceId;
        String taskId;
        String assessmentId;
        String hashBefore;

        ConfigurableApplicationContext first =
                Starts.of("restart-before").database(database).run();
        try {
            ProcessEngine engine = first.getBean(ProcessEngine.class);
            // No current user: the engine applies no authorization checks, as for a system start.
            engine.getIdentityService().clearAuthentication();
            engine.getRepositoryService()
                    .createDeployment()
                    .name("restart-probe-test")
                    .addClasspathResource("foundation/restart-probe.bpmn")
                    .deploy();
            ProcessInstance instance = engine.getRuntimeService()
                    .startProcessInstanceByKey(
                            PROBE,
                            "system-restart-1",
                            Variables.createVariables()
                                    .putValue("systemName", "Slimme parkeerhandhaving")
                                    .putValue("round", 2)
                                    .putValue("highRiskAi", true));
            instanceId = instance.getId();
            taskId = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instanceId)
                    .singleResult()
                    .getId();

            // A version approved before the restart must come back with the same, still valid hash.
            SystemRecord system = first.getBean(SystemRegistry.class)
                    .register("Slimme parkeerhandhaving", null, "Handhaving", "lead");
            AssessmentService assessments = first.getBean(AssessmentService.class);
            AssessmentService.OpenedVersion version =
                    assessments.openVersion(system.id(), AssessmentType.DPIA, 1, null, "lead");
            assessments.saveSection(
                    version.assessmentId(), 1, "dpia-section-a", Map.of("dpiaProposal", "Kentekenscans"), "lead");
            assessments.decide(
                    version.assessmentId(),
                    1,
                    new GateDecisionRequest(
                            "privacy-officer-advice",
                            true,
                            "APPROVED",
                            "Akkoord",
                            null,
                            null,
                            List.of(),
                            "fg",
                            "restart-task-1"));
            assessments.decide(
                    version.assessmentId(),
                    1,
                    new GateDecisionRequest(
                            "alderman-decision",
                            false,
                            "APPROVED",
                            "Vastgesteld",
                            null,
                            null,
                            List.of(),
                            "alderman",
                            "restart-task-2"),
                    new nl.waarborg.assessment.DecisionGovernance("COLLEGE", null, List.of(), List.of()));
            assessmentId = version.assessmentId();
            hashBefore = first.getBean(AssessmentReads.class)
                    .version(assessmentId, 1)
                    .orElseThrow()
                    .contentHash();
            assertThat(hashBefore).hasSize(64);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second =
                Starts.of("restart-after").database(database).run();
        try {
            ProcessEngine engine = second.getBean(ProcessEngine.class);
            engine.getIdentityService().clearAuthentication();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            HistoryService history = engine.getHistoryService();

            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processInstanceId(instanceId)
                    .singleResult();
            assertThat(instance)
                    .as("process instance after restart on %s", TestDatabases.name())
                    .isNotNull();
            assertThat(instance.getBusinessKey()).isEqualTo("system-restart-1");
            assertThat(instance.isEnded()).isFalse();
            Map<String, Object> variables = new LinkedHashMap<>(runtime.getVariables(instanceId));
            assertThat(variables)
                    .containsOnly(
                            Map.entry("systemName", "Slimme parkeerhandhaving"),
                            Map.entry("round", 2),
                            Map.entry("highRiskAi", true));

            Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
            assertThat(task).isNotNull();
            assertThat(task.getId()).isEqualTo(taskId);
            assertThat(task.getTaskDefinitionKey()).isEqualTo("probe-wait");

            // The deployment was kept too (not deployed again), and the instance carries on where it stopped.
            assertThat(engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(PROBE)
                            .count())
                    .isEqualTo(1);
            tasks.complete(task.getId());
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .count())
                    .isZero();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceId(instanceId)
                            .finished()
                            .count())
                    .isEqualTo(1);
            AssessmentReads assessments = second.getBean(AssessmentReads.class);
            assertThat(assessments.version(assessmentId, 1).orElseThrow().contentHash())
                    .isEqualTo(hashBefore);
            assertThat(assessments.hashIntact(assessmentId, 1)).isTrue();
            assertThat(second.getBean(AuditTrail.class).verify().valid()).isTrue();

            // The demo users were created once and kept, not created twice.
            assertThat(engine.getIdentityService()
                            .createUserQuery()
                            .userId("lead")
                            .count())
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }

    /** On H2 a real file database (closed when the first context stops); on PostgreSQL a fresh database. */
    private Map<String, Object> database() {
        if (TestDatabases.isPostgres()) {
            return TestDatabases.newDatabase();
        }
        Map<String, Object> h2 = new LinkedHashMap<>();
        h2.put(
                "spring.datasource.url",
                "jdbc:h2:file:" + dataDirectory.resolve("waarborg").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        h2.put("spring.datasource.username", "sa");
        h2.put("spring.datasource.password", "");
        return h2;
    }
}
