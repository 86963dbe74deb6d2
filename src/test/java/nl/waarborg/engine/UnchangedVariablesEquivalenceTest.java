package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UnchangedVariables is a fork of engine behaviour (it edits the variables of a completion before the engine sees
 * them). Proof that it changes no outcome: the same random completions, run on an engine with the fork and on the
 * engine as Camunda ships it, leave every process with the same variables, of the same types, in the process and
 * in the task's scope; only fewer rows are rewritten.
 */
class UnchangedVariablesEquivalenceTest {

    static ProcessEngine forked;
    static ProcessEngine plain;

    @BeforeAll
    static void engines() {
        forked = EngineForkComparison.engine("unchanged-forked", new UnchangedVariables());
        plain = EngineForkComparison.engine("unchanged-plain");
    }

    @AfterAll
    static void close() {
        forked.close();
        plain.close();
    }

    @Test
    void randomCompletionsLeaveTheSameVariablesAsTheEngineWithoutTheFork() {
        Random random = new Random(20261206L);
        int compared = 0;
        for (int run = 0; run < 60; run++) {
            long seed = random.nextLong();
            Map<String, Object> a = play(forked, seed);
            Map<String, Object> b = play(plain, seed);
            assertThat(a).as("run %d (seed %d)", run, seed).isEqualTo(b);
            compared += a.size();
        }
        assertThat(compared).as("variables compared").isGreaterThan(600);
    }

    /** Starts a process, completes its three tasks with random submissions, and describes every variable it ends with. */
    private static Map<String, Object> play(ProcessEngine engine, long seed) {
        Random random = new Random(seed);
        Map<String, Object> start = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            start.put("v" + i, value(random));
        }
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("probe", start)
                .getId();
        Map<String, Object> seen = new LinkedHashMap<>();
        for (int step = 0; step < 3; step++) {
            String task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getId();
            if (random.nextInt(4) == 0) {
                engine.getTaskService().setVariableLocal(task, "v" + random.nextInt(6), value(random));
            }
            Map<String, Object> submission = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                String name = "v" + random.nextInt(8);
                Object current = engine.getTaskService().getVariable(task, name);
                // Often the value the process already holds (as a form sends it back), else a new one.
                submission.put(
                        name, current != null && random.nextBoolean() ? same(engine, task, name) : value(random));
            }
            seen.putAll(describe("task" + step + ".", engine.getTaskService().getVariablesTyped(task, false)));
            if (random.nextBoolean()) {
                engine.getTaskService().complete(task, submission);
            } else {
                engine.getFormService().submitTaskForm(task, submission);
            }
            if (step < 2) {
                seen.putAll(describe(
                        "after" + step + ".", engine.getRuntimeService().getVariablesTyped(instance, false)));
            }
        }
        historic(engine, instance).forEach((name, value) -> seen.put("history." + name, value));
        return seen;
    }

    private static Map<String, Object> historic(ProcessEngine engine, String instance) {
        Map<String, Object> values = new LinkedHashMap<>();
        engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .disableCustomObjectDeserialization()
                .list()
                .forEach(v -> values.put(
                        v.getName() + "@" + (v.getTaskId() == null ? "process" : "task"),
                        v.getTypeName() + ":" + plainText(v.getValue())));
        return values;
    }

    private static Map<String, Object> describe(String prefix, Map<String, Object> typed) {
        Map<String, Object> out = new LinkedHashMap<>();
        org.camunda.bpm.engine.variable.VariableMap variables = Variables.fromMap(typed);
        variables.keySet().forEach(name -> {
            var value = variables.getValueTyped(name);
            String type = value.getType() == null
                    ? "untyped "
                            + (value.getValue() == null
                                    ? "null"
                                    : value.getValue().getClass().getSimpleName())
                    : value.getType().getName();
            out.put(prefix + name, type + ":" + plainText(value.getValue()));
        });
        return out;
    }

    private static String plainText(Object value) {
        Object plain = VariableValues.toPlain(value);
        return String.valueOf(plain);
    }

    /** The value the process holds, in the form a client would send it back (typed for JSON, raw otherwise). */
    private static Object same(ProcessEngine engine, String task, String name) {
        var typed = engine.getTaskService().getVariableTyped(task, name, true);
        if (typed.getType().getName().equals("json")) {
            return SpinValues.jsonValue(typed.getValue().toString()).create();
        }
        return typed.getValue();
    }

    private static Object value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "tekst " + random.nextInt(3);
            case 1 -> random.nextBoolean();
            case 2 ->
                SpinValues.jsonValue("[{\"what\":\"punt " + random.nextInt(3) + "\",\"owner\":\"ICT\"}]")
                        .create();
            case 3 -> random.nextInt(3);
            case 4 -> String.valueOf(random.nextInt(3));
            default -> Variables.stringValue("getypt " + random.nextInt(2));
        };
    }
}
