package nl.waarborg.engine;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The process variables that only the engine and Waarborg's listeners write: which system, round and assessment
 * version a process works on, what the gates and the triage decided, and the engine's own bookkeeping. A user who
 * could set one of them (as a process, execution or task-local variable, on completion, at a message or signal) could
 * re-point a task at another version or fake an outcome, so {@link EngineCommandGuard} refuses that on every path.
 * This is the one list; docs/process-contract.md names who sets each variable.
 */
public final class EngineOwnedVariables {

    private static final Set<String> NAMES = Set.of(
            // What a process works on (cycle start, call activities, the assessment's start listener).
            "systemId",
            "round",
            "assessmentId",
            "versionNumber",
            // The gates' outcomes (GateTaskListener), what the cycle takes from them, and the send-back remarks.
            "privacyOfficerDecision",
            "privacyOfficerMotivation",
            "privacyOfficerConditions",
            "ethicsCommitteeDecision",
            "ethicsCommitteeMotivation",
            "ethicsCommitteeConditions",
            "aldermanDecision",
            "aldermanMotivation",
            "aldermanConditions",
            "iamaOutcome",
            "dpiaOutcome",
            "reviewRemarks",
            // The triage decision and its results.
            "triageResult",
            "triageStop",
            "triageStopReason",
            "iamaRequired",
            "dpiaRequired",
            "dpiaRecommended",
            "publicationCategory",
            "highRiskAi",
            "aiActRole",
            "aiActClass",
            "aiActClassReason",
            "annexIiiPoint",
            "friaRequired",
            "transparencyDuties",
            "art50Duties",
            "euRegistration",
            "iamaAdvice",
            "iamaReason",
            "dpiaAdvice",
            "dpiaGround",
            "impactfulAlgorithm",
            "dpiaRebuttable",
            "usedAtWorkplace",
            "significantDecisions",
            // What follows the triage (ADR 0030): the privacy officer's review of the Art. 6(3) exception and the
            // choices about recommended assessments, as the process routes on them.
            "exceptionReview",
            "exceptionApplied",
            "exceptionRejected",
            "dpiaChoosable",
            "iamaChoosable",
            "dpiaRuns",
            "iamaRuns",
            "dpiaDeclined",
            "iamaDeclined",
            "dpiaAdviceAgainst",
            "iamaAdviceAgainst",
            // Implementation: the action points of the approved versions, one per task.
            "actionPointIds",
            "actionPointId",
            "actionPointWhat",
            "actionPointOwner",
            // Implementation: the go-live duties of the round (ADR 0031), one per instance of go-live-duty.
            "goLiveDuties",
            "goLiveDuty",
            // Evaluate and retirement, set by Waarborg's own trigger and retirement.
            "triggerType",
            "triggerDescription",
            "retirementReason",
            // The prior consultation of the Dutch DPA.
            "dpaConsultationStartedAt",
            "dpaConsultationExtended",
            "dpaConsultationReceivedOn",
            "dpaConsultationSuspendedDays",
            "dpaConsultationDueDate",
            "dpaConsultationSuspendedFrom",
            // The DPA's answer as the alderman's form shows it (only while it concerns the content decided on).
            "dpaAnswerForDecision",
            "dpaAnswerForDecisionSummary",
            "dpaAnswerForDecisionDate",
            "dpaAnswerSuperseded",
            // Incidents (ADR 0033): what was reported, the classification's routing and deadlines, the suspension.
            "incidentId",
            "incidentDescription",
            "incidentReportedAt",
            "incidentReportedBy",
            "incidentAwareSince",
            "seriousIncident",
            "dpaNotificationRequired",
            "dataSubjectsNotificationRequired",
            "providerDueAt",
            "providerEscalateAt",
            "authorityDueAt",
            "authorityEscalateAt",
            "dpaDueAt",
            "dpaEscalateAt",
            "dataSubjectsDueAt",
            "dataSubjectsEscalateAt",
            "useSuspended",
            "incidentRiskChanged",
            // What the models route on, set by a listener just before the gateway reads it (transient): a stored
            // variable of the same name would make that listener fail, so a user could block someone else's process.
            "rework",
            "highResidualRisk",
            "measuresNameMissingRisks",
            "dpaAwaitingInformation",
            "dpaExtensionAnnouncedNow",
            // The engine's own multi-instance counters (setting them ends a loop early).
            "loopCounter",
            "nrOfInstances",
            "nrOfActiveInstances",
            "nrOfCompletedInstances");

    /**
     * The input fields of the gates and of the steps after the triage. A user gives them only by completing the task (its listener reads them from the task
     * and then clears them): set beforehand as a variable, e.g. by whoever worked an earlier task, they would end up in
     * the signature of someone who never wrote them.
     */
    private static final Set<String> GATE_INPUTS = Set.of(
            "decision",
            "motivation",
            "conditions",
            "deviationMotivation",
            "sendBackTo",
            // The alderman's governance fields (ADR 0035); the listener puts in the rows the lists start with.
            "competentBody",
            "mandateReference",
            "conditionVerdicts",
            "residualRiskAcceptances",
            "ownConditionActions",
            // The steps after the triage (ADR 0030): choices, advice and the review of the Art. 6(3) exception.
            "exceptionReviewAnswer",
            "exceptionReviewMotivation",
            "dpiaChoice",
            "dpiaChoiceReasons",
            "dpiaDeclineAdvice",
            "dpiaDeclineAdviceMotivation",
            "dpiaFinalChoice",
            "dpiaDeviationMotivation",
            "iamaChoice",
            "iamaChoiceReasons",
            "iamaDeclineAdvice",
            "iamaDeclineAdviceMotivation",
            "iamaFinalChoice",
            "iamaDeviationMotivation");

    private EngineOwnedVariables() {}

    /** Whether users may not write this variable (as a form field, task-local or process variable). */
    public static boolean isEngineOwned(String name) {
        return name != null && NAMES.contains(name);
    }

    /** The first engine-owned name among these, in alphabetical order (so the refusal names the same one every time). */
    public static Optional<String> firstIn(Collection<String> names) {
        return names == null
                ? Optional.empty()
                : names.stream()
                        .filter(EngineOwnedVariables::isEngineOwned)
                        .sorted()
                        .findFirst();
    }

    /** Whether a user may give this variable only with the completion of a task, not by setting it. */
    public static boolean isGateInput(String name) {
        return name != null && GATE_INPUTS.contains(name);
    }

    public static Set<String> names() {
        return NAMES;
    }
}
