-- Gate integrity (ADR 0014). Each signature records the SHA-256 of the version's answers as its signer saw them, so
-- the alderman's decision and the phase change can tell whether the content changed after the advice. Signatures
-- written before this column existed keep NULL: they prove nothing about what was seen.
ALTER TABLE wb_signature ADD COLUMN answers_hash VARCHAR(64);

-- Who filled in the triage of a round, and who started each cycle: with the system's owner and the content writers,
-- these people may not advise or decide on the system's versions (segregation of duties).
ALTER TABLE wb_triage ADD COLUMN answered_by VARCHAR(100);

CREATE TABLE wb_cycle_start (
    process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    system_id           VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    cycle_round         INTEGER      NOT NULL,
    started_by          VARCHAR(100),
    started_at          TIMESTAMP    NOT NULL
);
CREATE INDEX ix_wb_cycle_start_system ON wb_cycle_start (system_id, cycle_round);
