-- Signed checkpoints of the audit trail's head and of every frozen version (ADR 0020). Each document is signed with
-- the evidence key and exported as a file that is kept outside the database; the rows here only serve the latest
-- export (GET /api/audit/checkpoints/latest) and need no guard: a changed document no longer verifies.
CREATE TABLE wb_audit_checkpoint (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP   NOT NULL,
    last_seq    BIGINT      NOT NULL,
    document    TEXT        NOT NULL
);
CREATE INDEX ix_wb_audit_checkpoint_created ON wb_audit_checkpoint (created_at);
