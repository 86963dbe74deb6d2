-- The registration of a deployer's high-risk AI system in the EU database (AI Act Art. 49(3), Annex VIII section C):
-- the data prepared for it and the reference number recorded back (ADR 0034). One row per system.
CREATE TABLE wb_eu_registration (
    system_id    VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES wb_system (id),
    data         TEXT         NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    reference_by VARCHAR(100),
    reference_at TIMESTAMP
);
