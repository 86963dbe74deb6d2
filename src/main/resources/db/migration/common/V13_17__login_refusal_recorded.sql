-- ADR 0050. Whether a refusal during this key's lock has been recorded in the audit trail (LOGIN_THROTTLED): set by the
-- first refused attempt on any node (an atomic update from FALSE to TRUE), reset whenever the row is written for a new
-- count or lock, so a lock gives at most one such audit row per account and per client address.
ALTER TABLE wb_login_failure ADD COLUMN refusal_recorded BOOLEAN DEFAULT FALSE NOT NULL;
