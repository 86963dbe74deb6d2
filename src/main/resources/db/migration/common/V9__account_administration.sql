-- Accounts that an administrator deactivated (ADR 0019): the user keeps their id in every record, but has no groups
-- and an unusable password until an administrator sets a new one. Who did it, when and why is also in the audit trail.
CREATE TABLE wb_account_deactivation (
    user_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    deactivated_by VARCHAR(64)   NOT NULL,
    deactivated_at TIMESTAMP     NOT NULL,
    reason         VARCHAR(1000) NOT NULL
);
-- One row that every change of users and groups locks first, so two administrators cannot each remove the other and
-- leave no administrator behind.
CREATE TABLE wb_administration_lock (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO wb_administration_lock (id) VALUES (1);
