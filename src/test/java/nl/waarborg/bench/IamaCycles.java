package nl.waarborg.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.waarborg.engine.VariableValues;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One full IAMA (parts 1-5 as the project lead, then the privacy officer, the ethics committee and the alderman, all
 * approving) driven through the engine API, the way Tasklist or our API would: each step finds the task as the
 * acting user and completes it with the form's values. The same steps run on Waarborg and on the bare engine; on the
 * bare engine the client also sets the gate's outcome variable, which Waarborg's gate listener sets otherwise.
 */
final class IamaCycles {

    static final String[] GATES = {"privacy-officer-advice", "ethics-committee-advice", "alderman-decision"};
    static final String[][] GATE_USERS = {
        {"fg", "privacy-officer"}, {"ethics", "ethics-committee"}, {"alderman", "alderman"}
    };
    static final String[] OUTCOMES = {"privacyOfficerDecision", "ethicsCommitteeDecision", "aldermanDecision"};
    /** Completions per cycle: five parts and three gates. */
    static final int STEPS = 8;

    /** Counts shared by the client threads of one run. */
    static final class Counters {
        final AtomicLong completions = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
    }

    private IamaCycles() {}

    /** A cycle on Waarborg: round {@code round} of the system's IAMA, so the system's versions number 1..round. */
    static String waarborg(ProcessEngine engine, String systemId, int round, Counters counters) {
        engine.getIdentityService().clearAuthentication();
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("iama", systemId, Map.of("round", round))
                .getId();
        for (int part = 1; part <= 5; part++) {
            step(engine, instance, "lead", "project-lead", part(part), counters);
        }
        for (int g = 0; g < GATES.length; g++) {
            step(engine, instance, GATE_USERS[g][0], GATE_USERS[g][1], gateInput(g), counters);
        }
        counters.cycles.incrementAndGet();
        return instance;
    }

    /**
     * A gate's input; the alderman's approval also names the competent body and accepts each residual risk that the
     * task lists (advice governance, ADR 0035: the advisers' approvals carry no conditions).
     */
    private static Map<String, Object> gateInput(int gate) {
        Map<String, Object> input = gate("APPROVED");
        if ("alderman-decision".equals(GATES[gate])) {
            input.put("competentBody", "COLLEGE");
            input.put("conditionVerdicts", SpinValues.jsonValue("[]").create());
            input.put(ACCEPT_LISTED_RISKS, true);
        }
        return input;
    }

    /** Marker in a gate's input: accept every residual risk the open task lists. Not sent to the engine. */
    private static final String ACCEPT_LISTED_RISKS = "bench:acceptListedRisks";

    private static Map<String, Object> withListedRisksAccepted(
            ProcessEngine engine, Task task, Map<String, Object> input) {
        if (!input.containsKey(ACCEPT_LISTED_RISKS)) {
            return input;
        }
        Map<String, Object> complete = new HashMap<>(input);
        complete.remove(ACCEPT_LISTED_RISKS);
        Object listed = engine.getTaskService().getVariable(task.getId(), "residualRiskAcceptances");
        ArrayNode rows = JSON.createArrayNode();
        if (listed != null) {
            JSON.valueToTree(VariableValues.toPlain(listed)).forEach(row -> {
                ObjectNode accepted = ((ObjectNode) row).deepCopy();
                accepted.put("accepted", true);
                rows.add(accepted);
            });
        }
        complete.put(
                "residualRiskAcceptances", SpinValues.jsonValue(rows.toString()).create());
        return complete;
    }

    /**
     * The same cycle on a bare engine (no listeners: the client sets the outcome variables). With {@code asUsers} each
     * step runs as the same user and group as on Waarborg, for the bare engine with authorization checks on.
     */
    static String bare(ProcessEngine engine, String businessKey, boolean asUsers, Counters counters) {
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("iama", businessKey, Map.of("round", 1))
                .getId();
        for (int part = 1; part <= 5; part++) {
            step(engine, instance, asUsers ? "lead" : null, "project-lead", part(part), counters);
        }
        for (int g = 0; g < GATES.length; g++) {
            Map<String, Object> input = gate("APPROVED");
            input.put(OUTCOMES[g], "APPROVED");
            step(engine, instance, asUsers ? GATE_USERS[g][0] : null, GATE_USERS[g][1], input, counters);
        }
        counters.cycles.incrementAndGet();
        return instance;
    }

    /** Finds the instance's one open task as the user and completes it; a conflict is counted and retried. */
    private static void step(
            ProcessEngine engine,
            String instance,
            String user,
            String group,
            Map<String, Object> input,
            Counters counters) {
        IdentityService identity = engine.getIdentityService();
        for (int attempt = 1; ; attempt++) {
            if (user != null) {
                identity.setAuthentication(user, List.of(group));
            }
            try {
                Task task = engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance)
                        .singleResult();
                if (task == null) {
                    throw new IllegalStateException("No open task in " + instance + " for " + user);
                }
                engine.getTaskService().complete(task.getId(), withListedRisksAccepted(engine, task, input));
                counters.completions.incrementAndGet();
                return;
            } catch (OptimisticLockingException e) {
                counters.conflicts.incrementAndGet();
                if (attempt >= 5) {
                    throw e;
                }
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    static Map<String, Object> gate(String decision) {
        Map<String, Object> v = new HashMap<>();
        v.put("decision", decision);
        v.put("motivation", "Benchmark: " + decision);
        return v;
    }

    /**
     * Values of the IAMA part forms (forms/iama-part-N.form) from bench/iama-parts.json; lists become Json variables.
     * An action point's due date there is a placeholder: a planned date lies ahead, so it becomes three months from
     * today.
     */
    static Map<String, Object> part(int part) {
        Map<String, Object> v = new HashMap<>();
        PARTS.get(String.valueOf(part))
                .forEach((key, value) -> v.put(
                        key,
                        value instanceof String s
                                ? s
                                : SpinValues.jsonValue(JSON.valueToTree(value)
                                                .toString()
                                                .replace(
                                                        DUE_PLACEHOLDER,
                                                        LocalDate.now()
                                                                .plusMonths(3)
                                                                .toString()))
                                        .create()));
        return v;
    }

    /** The due date written in bench/iama-parts.json. */
    private static final String DUE_PLACEHOLDER = "2027-03-01";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Object>> PARTS = readParts();

    private static Map<String, Map<String, Object>> readParts() {
        try (InputStream in = IamaCycles.class.getResourceAsStream("/bench/iama-parts.json")) {
            return JSON.readValue(in, new TypeReference<Map<String, Map<String, Object>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
