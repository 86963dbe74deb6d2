package nl.waarborg.workflow;

/** Names of process variables shared by the models and the bridge (see docs/process-contract.md). */
public final class ProcessVariables {

    public static final String SYSTEM_ID = "systemId";
    public static final String ROUND = "round";
    public static final String ASSESSMENT_ID = "assessmentId";
    public static final String VERSION_NUMBER = "versionNumber";

    public static final String DECISION = "decision";
    public static final String MOTIVATION = "motivation";
    public static final String CONDITIONS = "conditions";
    public static final String DEVIATION_MOTIVATION = "deviationMotivation";
    public static final String SEND_BACK_TO = "sendBackTo";
    public static final String REVIEW_REMARKS = "reviewRemarks";

    // The alderman's governance fields (ADR 0035): the competent body, the mandate, the verdicts on the advice's
    // conditions and the accepted residual risks. The last two start with the rows GateTaskListener puts in.
    public static final String COMPETENT_BODY = "competentBody";
    public static final String MANDATE_REFERENCE = "mandateReference";
    public static final String CONDITION_VERDICTS = "conditionVerdicts";
    public static final String RESIDUAL_RISK_ACCEPTANCES = "residualRiskAcceptances";
    public static final String OWN_CONDITION_ACTIONS = "ownConditionActions";
    public static final java.util.List<String> DECISION_GOVERNANCE = java.util.List.of(
            COMPETENT_BODY, MANDATE_REFERENCE, CONDITION_VERDICTS, RESIDUAL_RISK_ACCEPTANCES, OWN_CONDITION_ACTIONS);

    public static final String TRIAGE_RESULT = "triageResult";
    public static final String TRIAGE_STOP = "triageStop";
    public static final String TRIAGE_STOP_REASON = "triageStopReason";
    public static final String IAMA_REQUIRED = "iamaRequired";
    public static final String DPIA_REQUIRED = "dpiaRequired";
    public static final String DPIA_RECOMMENDED = "dpiaRecommended";
    public static final String PUBLICATION_CATEGORY = "publicationCategory";
    public static final String HIGH_RISK_AI = "highRiskAi";
    public static final String FRIA_REQUIRED = "friaRequired";
    public static final String TRANSPARENCY_DUTIES = "transparencyDuties";
    public static final String EU_REGISTRATION = "euRegistration";
    /** REQUIRED, RECOMMENDED or NOT_REQUIRED: what the triage says of each assessment. */
    public static final String IAMA_ADVICE = "iamaAdvice";

    public static final String DPIA_ADVICE = "dpiaAdvice";
    /** The DPIA is required on the count of WP248 criteria alone, which the controller may rebut (ADR 0030). */
    public static final String DPIA_REBUTTABLE = "dpiaRebuttable";

    // What follows the triage (process triage-outcome, ADR 0030), set by TriageOptions and TriageFollowUp.
    /** The privacy officer's review of the Art. 6(3) exception (AGREED or DISAGREED), an input of the triage DMN. */
    public static final String EXCEPTION_REVIEW = "exceptionReview";

    public static final String EXCEPTION_APPLIED = "exceptionApplied";
    public static final String EXCEPTION_REJECTED = "exceptionRejected";
    public static final String DPIA_CHOOSABLE = "dpiaChoosable";
    public static final String IAMA_CHOOSABLE = "iamaChoosable";
    /** Whether the round runs the assessment: required by law, or started by the owner's choice. */
    public static final String DPIA_RUNS = "dpiaRuns";

    public static final String IAMA_RUNS = "iamaRuns";
    public static final String DPIA_DECLINED = "dpiaDeclined";
    public static final String IAMA_DECLINED = "iamaDeclined";
    public static final String DPIA_ADVICE_AGAINST = "dpiaAdviceAgainst";
    public static final String IAMA_ADVICE_AGAINST = "iamaAdviceAgainst";

    public static final String AI_ACT_ROLE = "aiActRole";
    /** The triage: the system is used at the workplace (AI Act Art. 26(7)); "UNKNOWN" counts as yes. */
    public static final String USED_AT_WORKPLACE = "usedAtWorkplace";
    /** The triage: its outcome has legal or similarly significant effects on persons (AI Act Art. 86). */
    public static final String SIGNIFICANT_DECISIONS = "significantDecisions";
    /** The Art. 50 items of the triage, comma-separated codes (GoLiveDuties.Art50Item). */
    public static final String ART50_DUTIES = "art50Duties";
    /** The codes of the go-live duties of the round (GoLiveDuties.Duty): the collection of the task go-live-duty. */
    public static final String GO_LIVE_DUTIES = "goLiveDuties";

    public static final String ACTION_POINT_IDS = "actionPointIds";
    public static final String ACTION_POINT_ID = "actionPointId";

    public static final String TRIGGER_TYPE = "triggerType";
    public static final String TRIGGER_DESCRIPTION = "triggerDescription";

    private ProcessVariables() {}
}
