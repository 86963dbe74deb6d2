-- The EU-database registration (AI Act Art. 49(3), Annex VIII section C) is kept as versions, like the register entry
-- (ADR 0034): each change of the prepared data and each recorded reference number is a new row, and a row is never changed
-- or deleted, so what was exported and which reference was recorded stay as they were.
-- The guard is V13_12_1 (H2: a Java trigger, PostgreSQL: wb_refuse_change() of V3).
CREATE TABLE wb_eu_registration_version (
    system_id        VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    number           INTEGER      NOT NULL,
    data             TEXT         NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    created_at       TIMESTAMP    NOT NULL,
    CONSTRAINT pk_wb_eu_registration_version PRIMARY KEY (system_id, number)
);

-- The one row per system of V13_7 becomes its first version (with its reference, if one was recorded).
INSERT INTO wb_eu_registration_version (system_id, number, data, created_by, created_at)
SELECT system_id, 1, data, COALESCE(reference_by, updated_by), COALESCE(reference_at, updated_at)
FROM wb_eu_registration;
DROP TABLE wb_eu_registration;
