package nl.waarborg.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.workflow.rules.IncidentDeadlines;
import nl.waarborg.workflow.rules.IncidentDeadlines.BreachRisk;
import nl.waarborg.workflow.rules.IncidentDeadlines.Deadline;
import nl.waarborg.workflow.rules.IncidentDeadlines.Notification;
import nl.waarborg.workflow.rules.IncidentDeadlines.Seriousness;
import nl.waarborg.workflow.rules.IncidentSuspension;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The steps of process "incident" (ADR 0033), each called by one bean of {@link IncidentDelegates}: the report, the
 * classification and its deadlines ({@link IncidentDeadlines}), the suspension of use, the notifications and their
 * escalation, the review of the risk (a new round) and the resumption. Every step is in the audit trail.
 */
@Service
class IncidentSteps {

    static final String DESCRIPTION = "incidentDescription";
    static final String REPORTED_AT = "incidentReportedAt";
    static final String REPORTED_BY = "incidentReportedBy";
    static final String AWARE_SINCE = "incidentAwareSince";
    static final String SERIOUS = "seriousIncident";
    static final String DPA_REQUIRED = "dpaNotificationRequired";
    static final String DATA_SUBJECTS_REQUIRED = "dataSubjectsNotificationRequired";
    static final String USE_SUSPENDED = "useSuspended";
    static final String RISK_CHANGED = "incidentRiskChanged";

    private final IncidentRecords records;
    private final AuditTrail audit;
    private final CycleService cycles;
    private final ApplicationEventPublisher events;

    IncidentSteps(IncidentRecords records, AuditTrail audit, CycleService cycles, ApplicationEventPublisher events) {
        this.records = records;
        this.audit = audit;
        this.cycles = cycles;
        this.events = events;
    }

    void reported(DelegateExecution execution) {
        Instant at = instant(execution, REPORTED_AT);
        Instant aware = awareSince(execution);
        String description = String.valueOf(execution.getVariable(DESCRIPTION));
        records.reported(
                execution.getProcessInstanceId(),
                execution.getProcessBusinessKey(),
                (String) execution.getVariable(REPORTED_BY),
                at,
                aware,
                description);
        record(
                AuditAction.INCIDENT_REPORTED,
                (String) execution.getVariable(REPORTED_BY),
                execution,
                Map.of("description", description, "awareSince", aware.toString()));
    }

    void classified(DelegateTask task) {
        Seriousness seriousness =
                choice(Seriousness.class, task.getVariable("incidentSeriousness"), "incidentSeriousness");
        BreachRisk breach = choice(BreachRisk.class, task.getVariable("incidentBreachRisk"), "incidentBreachRisk");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("seriousness", seriousness.name());
        details.put("breachRisk", breach.name());
        task.setVariable(SERIOUS, seriousness != Seriousness.NONE);
        task.setVariable(DPA_REQUIRED, false);
        task.setVariable(DATA_SUBJECTS_REQUIRED, false);
        for (Deadline d : IncidentDeadlines.of(seriousness, breach, awareSince(task))) {
            task.setVariable(d.notification().prefix() + "DueAt", Date.from(d.dueAt()));
            task.setVariable(d.notification().prefix() + "EscalateAt", Date.from(d.escalateAt()));
            details.put(d.notification().prefix() + "DueAt", d.dueAt().toString());
            if (d.notification() == Notification.DPA) {
                task.setVariable(DPA_REQUIRED, true);
            } else if (d.notification() == Notification.DATA_SUBJECTS) {
                task.setVariable(DATA_SUBJECTS_REQUIRED, true);
            }
        }
        records.classified(task.getProcessInstanceId(), seriousness.name(), breach.name());
        record(AuditAction.INCIDENT_CLASSIFIED, EngineUser.of(task), task.getExecution(), details);
    }

    void suspension(DelegateTask task) {
        Object art79Risk = task.getVariable(IncidentSuspension.ART79_RISK);
        boolean suspend = IncidentSuspension.decide(art79Risk, task.getVariable(IncidentSuspension.SUSPEND));
        task.setVariable(USE_SUSPENDED, suspend);
        if (suspend) {
            records.suspended(task.getProcessInstanceId(), Instant.now());
        }
        record(
                suspend ? AuditAction.USE_SUSPENDED : AuditAction.USE_CONTINUED,
                EngineUser.of(task),
                task.getExecution(),
                Map.of(
                        "art79Risk",
                        "YES".equals(art79Risk),
                        "motivation",
                        String.valueOf(task.getVariable("suspensionMotivation"))));
    }

    /** Create: the task is due at the legal deadline. Complete: recorded; a late notice to the DPA needs reasons. */
    void notification(DelegateTask task) {
        Notification notification = notificationOf(task.getTaskDefinitionKey());
        Date due = (Date) task.getVariable(notification.prefix() + "DueAt");
        if (org.camunda.bpm.engine.delegate.TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setDueDate(due);
            return;
        }
        boolean late = IncidentDeadlines.late(due.toInstant(), Instant.now());
        Object reasons = task.getVariable("dpaDelayReasons");
        if (notification == Notification.DPA
                && late
                && (reasons == null || reasons.toString().isBlank())) {
            throw new InvalidInputException(
                    "dpaDelayReasons", "The 72 hours of GDPR Art. 33(1) have passed: give the reasons for the delay.");
        }
        record(
                AuditAction.INCIDENT_NOTIFIED,
                EngineUser.of(task),
                task.getExecution(),
                Map.of(
                        "notification", notification.name(),
                        "legalBasis", notification.legalBasis(),
                        "dueAt", due.toInstant().toString(),
                        "late", late));
    }

    /**
     * Create (the manager's task when a deadline nears): due at the notification's deadline, recorded, and announced
     * ({@link IncidentDeadlineNear}: the managers' mail).
     */
    void escalation(DelegateTask task) {
        Notification notification = notificationOf(task.getTaskDefinitionKey().substring("escalate-".length()));
        Date due = (Date) task.getVariable(notification.prefix() + "DueAt");
        task.setDueDate(due);
        events.publishEvent(new IncidentDeadlineNear(
                task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(),
                instant(task, REPORTED_AT),
                notification,
                due.toInstant()));
        record(
                AuditAction.INCIDENT_DEADLINE_NEAR,
                null,
                task.getExecution(),
                Map.of(
                        "notification",
                        notification.name(),
                        "dueAt",
                        due.toInstant().toString()));
    }

    void riskReviewed(DelegateTask task) {
        boolean changed = IncidentSuspension.riskChanged(
                task.getVariable(IncidentSuspension.ART79_RISK), task.getVariable(IncidentSuspension.RISK_CHANGED));
        task.setVariable(RISK_CHANGED, changed);
        record(
                AuditAction.INCIDENT_RISK_REVIEWED,
                EngineUser.of(task),
                task.getExecution(),
                Map.of("riskChanged", changed, "motivation", String.valueOf(task.getVariable("riskReviewMotivation"))));
    }

    /** A new round of the cycle when it waits in Evaluate; otherwise (a round runs already) only recorded. */
    void newRound(DelegateExecution execution) {
        String systemId = execution.getProcessBusinessKey();
        String user = EngineUser.of(execution);
        boolean started = cycles.triggerRound(systemId, "Incident: " + execution.getVariable(DESCRIPTION), user);
        if (!started) {
            record(
                    AuditAction.INCIDENT_RISK_REVIEWED,
                    user,
                    execution,
                    Map.of("newRound", "not started: the cycle is not waiting in the Evaluate phase"));
        }
    }

    void resumed(DelegateTask task) {
        records.resumed(task.getProcessInstanceId(), Instant.now());
        record(
                AuditAction.USE_RESUMED,
                EngineUser.of(task),
                task.getExecution(),
                Map.of("motivation", String.valueOf(task.getVariable("resumptionMotivation"))));
    }

    void closed(DelegateExecution execution) {
        records.closed(execution.getProcessInstanceId(), Instant.now());
        record(AuditAction.INCIDENT_CLOSED, EngineUser.of(execution), execution, Map.of());
    }

    static Notification notificationOf(String taskId) {
        return switch (taskId) {
            case "notify-provider" -> Notification.PROVIDER;
            case "notify-authority" -> Notification.AUTHORITY;
            case "notify-dpa" -> Notification.DPA;
            case "inform-data-subjects" -> Notification.DATA_SUBJECTS;
            default -> throw new IllegalStateException("No notification for task " + taskId);
        };
    }

    private void record(AuditAction action, String user, DelegateExecution execution, Map<String, ?> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("incidentId", execution.getProcessInstanceId());
        audit.record(action, user, execution.getProcessBusinessKey(), all);
    }

    private static Instant instant(VariableScope scope, String name) {
        return ((Date) scope.getVariable(name)).toInstant();
    }

    /** The deadlines run from awareness; instances started before "bekend sinds" existed became aware when reported. */
    private static Instant awareSince(VariableScope scope) {
        return instant(scope, scope.getVariable(AWARE_SINCE) == null ? REPORTED_AT : AWARE_SINCE);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Object value, String field) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " is not one of the choices.");
        }
    }
}
