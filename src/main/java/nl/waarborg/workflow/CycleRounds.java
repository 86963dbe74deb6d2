package nl.waarborg.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarborg.assessment.Decision;
import nl.waarborg.assessment.RoundReasons;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.engine.EngineUser;
import nl.waarborg.security.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Round numbers of a system's assessment cycle. A cycle started after an earlier one ended (for example after the
 * alderman rejected a version) continues the numbering, so each round's triage and versions stay apart.
 * Used by cycleLifecycle (begin), and by startNextRound and assessRoundOutcome (CycleDelegates). Cycles of
 * assessment-cycle versions deployed before issue 21 call {@code ${cycleRounds.begin(execution)}},
 * {@code ${cycleRounds.next(execution)}} and {@code ${cycleRounds.rejected(execution)}} from their XML.
 */
@Component("cycleRounds")
public class CycleRounds {

    public static final String IAMA_OUTCOME = "iamaOutcome";
    public static final String DPIA_OUTCOME = "dpiaOutcome";

    private final AuditTrail audit;
    private final TriageRecords triage;
    private final RoundReasons reasons;

    public CycleRounds(AuditTrail audit, TriageRecords triage, RoundReasons reasons) {
        this.audit = audit;
        this.triage = triage;
        this.reasons = reasons;
    }

    public void begin(DelegateExecution execution) {
        if (execution.hasVariable(ProcessVariables.ROUND) || execution.getProcessBusinessKey() == null) {
            return;
        }
        execution.setVariable(ProcessVariables.ROUND, triage.lastRound(execution.getProcessBusinessKey()) + 1);
    }

    /**
     * Evaluate → Develop: the next round, with its reason recorded (RoundReasons: a trigger without explanation is
     * refused on every path) and in the audit trail. The explanation is removed afterwards, so that a later round
     * started by the review date does not show an old one.
     */
    public void next(DelegateExecution execution) {
        Object round = execution.getVariable(ProcessVariables.ROUND);
        int next = (round instanceof Number n ? n.intValue() : 1) + 1;
        String type = String.valueOf(execution.getVariable(ProcessVariables.TRIGGER_TYPE));
        Object description = execution.getVariable(ProcessVariables.TRIGGER_DESCRIPTION);
        String explanation = description == null ? "" : description.toString();
        // Who asked: the engine's user, else the request's (a trigger sent by Waarborg runs without engine user);
        // the review date's timer has neither.
        String requester = EngineUser.of(execution) != null ? EngineUser.of(execution) : CurrentUser.id();
        reasons.record(execution.getProcessBusinessKey(), next, type, explanation, requester);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", next);
        details.put("triggerType", type);
        details.put("triggerDescription", explanation);
        audit.record(
                AuditAction.NEW_ROUND_STARTED, EngineUser.of(execution), execution.getProcessBusinessKey(), details);
        execution.removeVariable(ProcessVariables.TRIGGER_DESCRIPTION);
        execution.setVariable(ProcessVariables.ROUND, next);
        execution.removeVariable(IAMA_OUTCOME);
        execution.removeVariable(DPIA_OUTCOME);
    }

    /** True when the alderman rejected one of this round's assessments. */
    public boolean rejected(DelegateExecution execution) {
        return Decision.REJECTED.is(execution.getVariable(IAMA_OUTCOME))
                || Decision.REJECTED.is(execution.getVariable(DPIA_OUTCOME));
    }
}
