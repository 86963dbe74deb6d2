-- Algoritmeregister entries (publication standard 1.0.0), versioned like assessment versions: every change is a new
-- row; a row's entry never changes; approval by the privacy officer makes a DRAFT the APPROVED (published) version
-- and the previous APPROVED one SUPERSEDED (ADR 0034).
CREATE TABLE wb_register_entry_version (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    system_id   VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    number      INTEGER      NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    entry       TEXT         NOT NULL,
    edited_by   VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    approved_by VARCHAR(100),
    approved_at TIMESTAMP,
    CONSTRAINT uq_wb_register_entry_number UNIQUE (system_id, number),
    CONSTRAINT ck_wb_register_entry_status CHECK (status IN ('DRAFT', 'APPROVED', 'SUPERSEDED'))
);
CREATE INDEX ix_wb_register_entry_status ON wb_register_entry_version (status);
