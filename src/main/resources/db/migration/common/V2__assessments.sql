-- Assessments (one IAMA and/or one DPIA per system), their versions, the signatures at each gate,
-- the users who filled in content (segregation of duties) and the action points.
CREATE TABLE wb_assessment (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    system_id   VARCHAR(36) NOT NULL REFERENCES wb_system (id),
    type        VARCHAR(10) NOT NULL,
    created_at  TIMESTAMP   NOT NULL,
    CONSTRAINT uq_wb_assessment_system_type UNIQUE (system_id, type)
);

CREATE TABLE wb_assessment_version (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    assessment_id       VARCHAR(36)  NOT NULL REFERENCES wb_assessment (id),
    number              INTEGER      NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    cycle_round         INTEGER      NOT NULL,
    answers             TEXT         NOT NULL,
    triage              TEXT,
    process_instance_id VARCHAR(64),
    content_hash        VARCHAR(64),
    previous_hash       VARCHAR(64),
    created_at          TIMESTAMP    NOT NULL,
    frozen_at           TIMESTAMP,
    CONSTRAINT uq_wb_version_number UNIQUE (assessment_id, number),
    CONSTRAINT ck_wb_version_status CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED'))
);
CREATE INDEX ix_wb_version_status ON wb_assessment_version (status);

CREATE TABLE wb_signature (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    version_id           VARCHAR(36)  NOT NULL REFERENCES wb_assessment_version (id),
    gate                 VARCHAR(40)  NOT NULL,
    decision             VARCHAR(30)  NOT NULL,
    motivation           TEXT         NOT NULL,
    conditions           TEXT,
    deviation_motivation TEXT,
    user_id              VARCHAR(100) NOT NULL,
    signed_at            TIMESTAMP    NOT NULL,
    task_id              VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_wb_signature_task UNIQUE (task_id)
);
CREATE INDEX ix_wb_signature_version ON wb_signature (version_id);

CREATE TABLE wb_contributor (
    version_id  VARCHAR(36)  NOT NULL REFERENCES wb_assessment_version (id),
    user_id     VARCHAR(100) NOT NULL,
    section     VARCHAR(100) NOT NULL,
    saved_at    TIMESTAMP    NOT NULL,
    CONSTRAINT pk_wb_contributor PRIMARY KEY (version_id, user_id, section)
);

CREATE TABLE wb_action_point (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    version_id  VARCHAR(36)   NOT NULL REFERENCES wb_assessment_version (id),
    section     VARCHAR(100)  NOT NULL,
    what        VARCHAR(2000) NOT NULL,
    owner       VARCHAR(200),
    due_date    DATE,
    done        BOOLEAN       NOT NULL DEFAULT FALSE,
    done_by     VARCHAR(100),
    done_at     TIMESTAMP
);
CREATE INDEX ix_wb_action_point_version ON wb_action_point (version_id);

-- The triage of each round of a system's cycle: the answers of the pre-scan and the outcome of the decision table.
CREATE TABLE wb_triage (
    system_id   VARCHAR(36) NOT NULL REFERENCES wb_system (id),
    cycle_round INTEGER     NOT NULL,
    inputs      TEXT        NOT NULL,
    outcome     TEXT,
    decided_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_wb_triage PRIMARY KEY (system_id, cycle_round)
);

-- Tasks a system is waiting on (gates, DPA consultation, go-live checks), kept by a global task listener so that
-- the oversight dashboard reads one indexed table instead of scanning process variables.
CREATE TABLE wb_open_wait (
    task_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    system_id        VARCHAR(36)  NOT NULL,
    assessment_type  VARCHAR(10),
    gate             VARCHAR(60)  NOT NULL,
    candidate_group  VARCHAR(60),
    waiting_since    TIMESTAMP    NOT NULL,
    due_at           TIMESTAMP
);
CREATE INDEX ix_wb_open_wait_system ON wb_open_wait (system_id);
CREATE INDEX ix_wb_open_wait_gate ON wb_open_wait (gate, waiting_since);
CREATE INDEX ix_wb_open_wait_due ON wb_open_wait (due_at);

-- The audit trail: append-only, each event chained to the previous one by its hash.
CREATE TABLE wb_audit_event (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP     NOT NULL,
    user_id       VARCHAR(100),
    action        VARCHAR(60)   NOT NULL,
    system_id     VARCHAR(36),
    details       TEXT          NOT NULL,
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_wb_audit_system ON wb_audit_event (system_id, seq);

-- One row that serialises appends to the audit chain (SELECT ... FOR UPDATE).
CREATE TABLE wb_audit_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO wb_audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
