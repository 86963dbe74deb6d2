package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * VariableChangeHistory is a fork of engine behaviour (its history handler writes no detail row per variable change).
 * Proof against the engine as Camunda ships it: the same process leaves the same history of activities, tasks and
 * variables (names, types, last values); only ACT_HI_DETAIL stays empty. With the setting on, nothing changes.
 */
class VariableChangeHistoryTest {

    static ProcessEngine forked;
    static ProcessEngine plain;
    static ProcessEngine switchedOff;

    @BeforeAll
    static void engines() {
        forked = EngineForkComparison.engine("history-forked", new VariableChangeHistory(false));
        plain = EngineForkComparison.engine("history-plain");
        switchedOff = EngineForkComparison.engine("history-details-on", new VariableChangeHistory(true));
    }

    @AfterAll
    static void close() {
        forked.close();
        plain.close();
        switchedOff.close();
    }

    @Test
    void theSameHistoryExceptTheDetailRows() {
        String a = play(forked);
        String b = play(plain);
        String c = play(switchedOff);
        assertThat(history(forked.getHistoryService(), a))
                .isEqualTo(history(plain.getHistoryService(), b))
                .isEqualTo(history(switchedOff.getHistoryService(), c));
        assertThat(forked.getHistoryService()
                        .createHistoricDetailQuery()
                        .processInstanceId(a)
                        .count())
                .isZero();
        assertThat(plain.getHistoryService()
                        .createHistoricDetailQuery()
                        .processInstanceId(b)
                        .count())
                .isGreaterThan(5);
        assertThat(switchedOff
                        .getHistoryService()
                        .createHistoricDetailQuery()
                        .processInstanceId(c)
                        .count())
                .isEqualTo(plain.getHistoryService()
                        .createHistoricDetailQuery()
                        .processInstanceId(b)
                        .count());
    }

    private static String play(ProcessEngine engine) {
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "probe",
                        "business-key",
                        Variables.createVariables().putValue("answer", "eerste").putValue("agreed", false))
                .getId();
        for (int step = 0; step < 3; step++) {
            String task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getId();
            engine.getTaskService().setVariableLocal(task, "note", "stap " + step);
            engine.getTaskService()
                    .complete(task, Map.of("answer", "antwoord " + step, "agreed", step % 2 == 0, "step", step));
        }
        return instance;
    }

    /** Everything the history says about one process, without ids and times (which differ between engines). */
    private static List<String> history(HistoryService history, String instance) {
        Function<Object, String> text = String::valueOf;
        List<String> lines = new java.util.ArrayList<>();
        var process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instance)
                .singleResult();
        lines.add("process " + process.getProcessDefinitionKey() + " " + process.getBusinessKey() + " "
                + process.getState());
        history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .forEach(a -> lines.add("activity " + (a.getActivityType().endsWith("Event") ? "" : a.getActivityId())
                        + " " + a.getActivityType() + " ended=" + (a.getEndTime() != null)));
        history.createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .orderByTaskDefinitionKey()
                .asc()
                .list()
                .forEach(t -> lines.add("task " + t.getTaskDefinitionKey() + " " + t.getDeleteReason()));
        history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .orderByVariableName()
                .asc()
                .list()
                .forEach(v -> lines.add("variable " + v.getName() + " " + v.getTypeName() + " "
                        + text.apply(v.getValue()) + (v.getTaskId() == null ? "" : " (task)") + " " + v.getState()));
        return lines;
    }
}
