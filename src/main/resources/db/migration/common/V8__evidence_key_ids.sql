-- Keyed evidence hashes (ADR 0018): the id of the HMAC key that made each hash. NULL marks a legacy plain SHA-256
-- from before keyed hashing; it verifies as it did then.
ALTER TABLE wb_assessment_version ADD COLUMN hash_key_id VARCHAR(32);
ALTER TABLE wb_audit_event ADD COLUMN hash_key_id VARCHAR(32);
