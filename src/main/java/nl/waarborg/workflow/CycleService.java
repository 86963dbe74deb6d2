package nl.waarborg.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.RoundReasons;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineCommandGuard;
import nl.waarborg.engine.OpenTaskFacts;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine calls behind the API: start a system's cycle, send it triggers, and read where it stands.
 * Engine calls run as the current user (the security bridge sets it), so engine authorizations apply.
 */
@Service
public class CycleService {

    public static final String CYCLE_KEY = "assessment-cycle";
    public static final String TRIGGER_MESSAGE = "evaluation-trigger";
    public static final String RETIRE_MESSAGE = "system-retired";
    static final String INCIDENT = "INCIDENT";

    private final ProcessEngine engine;
    private final SystemRegistry systems;
    private final TriageRecords triage;
    private final AuditTrail audit;
    private final OpenTaskFacts facts;
    private final IncidentService incidents;

    public CycleService(
            ProcessEngine engine,
            SystemRegistry systems,
            TriageRecords triage,
            AuditTrail audit,
            OpenTaskFacts facts,
            IncidentService incidents) {
        this.engine = engine;
        this.incidents = incidents;
        this.facts = facts;
        this.systems = systems;
        this.triage = triage;
        this.audit = audit;
    }

    /** The running cycle of a system, if any. */
    public Optional<ProcessInstance> runningCycle(String systemId) {
        return EngineAccess.withoutAuthorization(
                engine,
                () -> engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(CYCLE_KEY)
                        .processInstanceBusinessKey(systemId)
                        .active()
                        .list()
                        .stream()
                        .findFirst()
                        .or(() -> engine
                                .getRuntimeService()
                                .createProcessInstanceQuery()
                                .processDefinitionKey(CYCLE_KEY)
                                .processInstanceBusinessKey(systemId)
                                .list()
                                .stream()
                                .findFirst()));
    }

    /** A retired system starts no cycle: 409 on /api, a Dutch message on its page. */
    public static class SystemRetiredException extends ConflictException {
        SystemRetiredException(String systemId) {
            super("System " + systemId + " is retired: it was taken out of use for good and starts no new cycle."
                    + " Register a successor as a new system.");
        }
    }

    /**
     * Starts the cycle unless one runs. The system row is locked first, so two parallel starts for one system
     * are serialised and the second one sees the first cycle.
     */
    @Transactional
    public Optional<ProcessInstance> startCycle(String systemId, String userId) {
        systems.lock(systemId);
        if (systems.get(systemId).phase() == SystemRecord.Phase.RETIRED) {
            // Taken out of use for good (ADR 0042): a successor is registered as a new system (probe 64).
            throw new SystemRetiredException(systemId);
        }
        if (runningCycle(systemId).isPresent()) {
            return Optional.empty();
        }
        int round = nextRound(systemId);
        // Callers checked that the user may change the system; the engine guard refuses every other start by a user.
        ProcessInstance instance = EngineCommandGuard.asWaarborg(() -> engine.getRuntimeService()
                .startProcessInstanceByKey(
                        CYCLE_KEY, systemId, Variables.createVariables().putValue(ProcessVariables.ROUND, round)));
        audit.record(
                AuditAction.CYCLE_STARTED,
                userId,
                systemId,
                Map.of("processInstanceId", instance.getId(), "round", round));
        return Optional.of(instance);
    }

    /** A new cycle continues the round count of the system's earlier cycles. */
    private int nextRound(String systemId) {
        return triage.lastRound(systemId) + 1;
    }

    /**
     * Sends an Evaluate trigger; false when the cycle is not waiting for one (not in the Evaluate phase). A trigger
     * INCIDENT also starts the incident process with its notifications (ADR 0033).
     */
    @Transactional
    public boolean trigger(String systemId, String type, String description, String userId) {
        RoundReasons.requireExplanation(type, description);
        boolean sent = signal(systemId, type, description, userId);
        if (sent && INCIDENT.equals(type)) {
            incidents.report(systemId, description, null, userId);
        }
        return sent;
    }

    /** The trigger the incident process sends when the incident shows that the risk changed: a new round only. */
    @Transactional
    public boolean triggerRound(String systemId, String description, String userId) {
        return signal(systemId, INCIDENT, description, userId);
    }

    private boolean signal(String systemId, String type, String description, String userId) {
        return correlate(
                systemId,
                TRIGGER_MESSAGE,
                Map.of(
                        ProcessVariables.TRIGGER_TYPE,
                        type,
                        ProcessVariables.TRIGGER_DESCRIPTION,
                        description == null ? "" : description),
                userId,
                AuditAction.TRIGGER_RECEIVED);
    }

    /**
     * Retires the system (Evaluate phase only; false otherwise). Irreversible, so it needs a reason: missing or blank,
     * it is refused (400, field {@code reason}) on every path that retires (page, /api, administration); the reason
     * goes into the audit trail and the engine's history.
     */
    @Transactional
    public boolean retire(String systemId, String reason, String userId) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    "reason",
                    "Field 'reason' is required: say why the system is taken out of use; retiring cannot be undone"
                            + " and the reason is recorded in the audit trail.");
        }
        return correlate(
                systemId,
                RETIRE_MESSAGE,
                Map.of("retirementReason", reason.strip()),
                userId,
                AuditAction.RETIREMENT_REQUESTED);
    }

    private boolean correlate(
            String systemId, String message, Map<String, Object> variables, String userId, AuditAction auditAction) {
        systems.lock(systemId);
        String cycleId = runningCycle(systemId).map(ProcessInstance::getId).orElse("-none-");
        long waiting = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getRuntimeService()
                        .createEventSubscriptionQuery()
                        .eventType("message")
                        .eventName(message)
                        .processInstanceId(cycleId)
                        .count());
        if (waiting == 0) {
            return false;
        }
        try {
            // The API checked that the user owns the system; the engine would ask for UPDATE on every instance.
            EngineAccess.withoutAuthorization(
                    engine,
                    () -> engine.getRuntimeService()
                            .createMessageCorrelation(message)
                            .processInstanceBusinessKey(systemId)
                            .setVariables(variables)
                            .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>(variables);
        details.put("message", message);
        audit.record(auditAction, userId, systemId, details);
        return true;
    }

    /** Open tasks of the system (cycle and its assessments), with the group each waits on. */
    public List<OpenStep> openSteps(String systemId) {
        return openSteps(List.of(systemId)).getOrDefault(systemId, List.of());
    }

    /**
     * The open tasks of several systems (a page of a list), oldest first per system, in two queries whatever their
     * number; a task completed between the two is left out.
     */
    public Map<String, List<OpenStep>> openSteps(Collection<String> systemIds) {
        if (systemIds.isEmpty()) {
            return Map.of();
        }
        // Read without the user's task authorizations: anyone who may see the system may see where it waits.
        List<Task> tasks = EngineAccess.withoutAuthorization(
                engine,
                () -> engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKeyIn(systemIds.toArray(String[]::new))
                        .orderByTaskCreateTime()
                        .asc()
                        .orderByTaskId()
                        .asc()
                        .list());
        Map<String, OpenTaskFacts.Facts> known =
                facts.of(tasks.stream().map(Task::getId).toList());
        Map<String, List<OpenStep>> bySystem = new LinkedHashMap<>();
        for (Task t : tasks) {
            OpenTaskFacts.Facts found = known.get(t.getId());
            if (found != null) {
                bySystem.computeIfAbsent(found.businessKey(), k -> new ArrayList<>())
                        .add(new OpenStep(
                                t.getId(),
                                t.getTaskDefinitionKey(),
                                t.getName(),
                                found.candidateGroup(),
                                t.getAssignee(),
                                t.getCreateTime() == null
                                        ? null
                                        : t.getCreateTime().toInstant(),
                                t.getDueDate() == null ? null : t.getDueDate().toInstant()));
            }
        }
        return bySystem;
    }

    /** One open task of a system. */
    public record OpenStep(
            String taskId,
            String activityId,
            String name,
            String candidateGroup,
            String assignee,
            Instant since,
            Instant dueAt) {}
}
