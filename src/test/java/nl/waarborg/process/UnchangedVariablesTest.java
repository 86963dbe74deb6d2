package nl.waarborg.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A completion leaves out the submitted values that the process already holds (UnchangedVariables): the variable is
 * not written again (its revision stays), while changed and new values are written as before, by both ways a client
 * completes a task (complete and submit-form).
 */
@WaarborgIntegrationTest
class UnchangedVariablesTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void deployProbe() {
        engine.getRepositoryService()
                .createDeployment()
                .name("unchanged-probe")
                .enableDuplicateFiltering(true)
                .addModelInstance(
                        "unchanged-probe.bpmn",
                        Bpmn.createExecutableProcess("unchanged-probe")
                                .camundaHistoryTimeToLive(3650)
                                .startEvent()
                                .userTask("first")
                                .userTask("second")
                                .endEvent()
                                .done())
                .deploy();
    }

    private String start() {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "unchanged-probe",
                        Variables.createVariables()
                                .putValue("answer", "Zelfde tekst")
                                .putValue("changed", "Oud")
                                .putValue("agreed", true)
                                .putValue(
                                        "points",
                                        SpinValues.jsonValue("[{\"what\":\"Logging\",\"owner\":\"ICT\"}]")
                                                .create())
                                .putValue("number", "1"))
                .getId();
    }

    private int revision(String instance, String name) {
        return jdbc.sql("SELECT REV_ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = :p AND NAME_ = :n")
                .param("p", instance)
                .param("n", name)
                .query(Integer.class)
                .single();
    }

    private Map<String, Object> submission() {
        Map<String, Object> values = new HashMap<>();
        values.put("answer", "Zelfde tekst");
        values.put("changed", "Nieuw");
        values.put("agreed", true);
        // Same content, other spacing: JSON is compared by content.
        values.put(
                "points",
                SpinValues.jsonValue("[ {\"owner\": \"ICT\", \"what\": \"Logging\"} ]")
                        .create());
        values.put("number", 1); // same text, other type: written
        values.put("added", "Nieuw veld");
        return values;
    }

    @Test
    void completeWritesOnlyWhatChanged() {
        String instance = start();
        String task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        engine.getTaskService().complete(task, submission());
        assertOnlyChangesWritten(instance);
    }

    @Test
    void submitFormWritesOnlyWhatChanged() {
        String instance = start();
        String task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        engine.getFormService().submitTaskForm(task, submission());
        assertOnlyChangesWritten(instance);
    }

    private void assertOnlyChangesWritten(String instance) {
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("second");
        assertThat(revision(instance, "answer")).isEqualTo(1);
        assertThat(revision(instance, "agreed")).isEqualTo(1);
        assertThat(revision(instance, "points")).isEqualTo(1);
        assertThat(revision(instance, "changed")).isEqualTo(2);
        assertThat(revision(instance, "number")).isEqualTo(2);
        Map<String, Object> variables = engine.getRuntimeService().getVariables(instance);
        assertThat(variables)
                .containsEntry("answer", "Zelfde tekst")
                .containsEntry("changed", "Nieuw")
                .containsEntry("agreed", true)
                .containsEntry("number", 1)
                .containsEntry("added", "Nieuw veld");
        assertThat(variables.get("points").toString()).contains("Logging").contains("ICT");
    }
}
