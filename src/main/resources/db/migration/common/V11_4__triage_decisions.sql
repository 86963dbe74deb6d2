-- What follows the triage of a round (ADR 0030), one row per step, appended in order and never changed:
-- subject DPIA or IAMA: the owner's choice to start or decline a recommended (or rebuttable) assessment (CHOICE),
-- the advice on a decline (ADVICE: privacy officer for the DPIA, ethics committee for the IAMA) and the owner's
-- decision after advice against the decline (FINAL); subject ART_6_3: the privacy officer's review of the reasons for
-- the Art. 6(3) exception (REVIEW). The audit trail carries each step as well.
CREATE TABLE wb_triage_decision (
    system_id   VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    cycle_round INTEGER      NOT NULL,
    position    INTEGER      NOT NULL,
    subject     VARCHAR(10)  NOT NULL,
    step        VARCHAR(10)  NOT NULL,
    outcome     VARCHAR(10)  NOT NULL,
    reasons     TEXT,
    decided_by  VARCHAR(100) NOT NULL,
    decided_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_wb_triage_decision PRIMARY KEY (system_id, cycle_round, position)
);
