package nl.waarborg.audit;

/** What an audit event records: the one list of actions in the trail (the name is stored as the event's action). */
public enum AuditAction {
    // the register
    SYSTEM_REGISTERED,
    SYSTEM_CO_AUTHOR_ADDED,
    SYSTEM_CO_AUTHOR_REMOVED,
    // the cycle
    CYCLE_STARTED,
    TRIAGE_ANSWERED,
    TRIAGE_DECIDED,
    NEW_ROUND_STARTED,
    // what follows the triage (ADR 0030): a recommended assessment started or declined, advice on a decline, the
    // privacy officer's review of the Art. 6(3) exception
    ASSESSMENT_CHOICE_RECORDED,
    EXCEPTION_REVIEWED,
    TRIGGER_RECEIVED,
    RETIREMENT_REQUESTED,
    CYCLE_CANCELLED,
    PRE_SCAN_MIGRATED,
    // versions and gates
    VERSION_OPENED,
    ANSWERS_SAVED,
    DECISION_RECORDED,
    VERSION_FROZEN,
    VERSION_REJECTED,
    VERSION_EXPORTED,
    VERSION_WITHDRAWN,
    GATE_OVERDUE,
    // prior consultation of the DPA (AVG art. 36)
    DPA_CONSULTATION_SUBMITTED,
    DPA_CONSULTATION_EXTENDED,
    DPA_CONSULTATION_OVERDUE,
    DPA_INFORMATION_REQUESTED,
    DPA_INFORMATION_SUPPLIED,
    // incidents (ADR 0033): AI Act Art. 26(5), 73 and GDPR Art. 33, 34
    INCIDENT_REPORTED,
    INCIDENT_CLASSIFIED,
    INCIDENT_NOTIFIED,
    INCIDENT_DEADLINE_NEAR,
    USE_SUSPENDED,
    USE_CONTINUED,
    USE_RESUMED,
    INCIDENT_RISK_REVIEWED,
    INCIDENT_CLOSED,
    // Implement
    ACTION_POINT_DONE,
    GO_LIVE_CHECK_DONE,
    // after go-live: the reference or confirmation of an updated EU-database registration (AI Act Art. 49, 71; ADR
    // 0052)
    EU_REGISTRATION_UPDATED,
    // functional administration of stuck work (each with the administrator's reason)
    TASK_REASSIGNED,
    TASK_DUE_DATE_CORRECTED,
    JOB_RETRIED,
    // administration of users and groups (ADR 0019)
    USER_CREATED,
    USER_UPDATED,
    USER_PASSWORD_RESET,
    // a user chose their own password, replacing a one-time one an administrator set or not (ADR 0058)
    PASSWORD_CHANGED,
    USER_DEACTIVATED,
    USER_DELETED,
    GROUP_MEMBER_ADDED,
    GROUP_MEMBER_REMOVED,
    ACCOUNT_UNLOCKED,
    // a run-time setting changed by an administrator, with before, after and reason (ADR 0027)
    SETTING_CHANGED,
    // the engine: an operation of a user's that no event of Waarborg's own in the same transaction carries (ADR 0020)
    ENGINE_OPERATION,
    // security: refusals (401/403 as ACCESS_DENIED, other refused writes as REQUEST_REFUSED) once per user, operation
    // and window, and the count of their repeats when the window ends (ADR 0020)
    ACCESS_DENIED,
    REQUEST_REFUSED,
    REFUSALS_REPEATED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    // a client address locked for its failed logins; a login refused while the throttle holds a lock, once per lock of
    // an account or an address; a session that the per-request account re-check ended (deactivated or deleted) (ADR
    // 0050)
    ADDRESS_LOCKED,
    // an administrator lifted the lock of a client address before it ended (ADR 0050), as ACCOUNT_UNLOCKED for an
    // account
    ADDRESS_UNLOCKED,
    LOGIN_THROTTLED,
    SESSION_ENDED,
    // evidence
    CHECKPOINT_CREATED
}
