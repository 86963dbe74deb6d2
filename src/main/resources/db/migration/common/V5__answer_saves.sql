-- Every save of a section's answers, as saved. wb_assessment_version.answers holds the draft's current state; this
-- table keeps each earlier state too, with who saved it and when, so that what a reviewer saw before sending a
-- version back stays on record after the rework (ADR 0012). Append-only, like the signatures.
CREATE TABLE wb_answer_save (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    version_id   VARCHAR(36)  NOT NULL REFERENCES wb_assessment_version (id),
    section      VARCHAR(100) NOT NULL,
    user_id      VARCHAR(100),
    saved_at     TIMESTAMP    NOT NULL,
    answers      TEXT         NOT NULL,
    answers_hash VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_wb_answer_save_version ON wb_answer_save (version_id, saved_at);
