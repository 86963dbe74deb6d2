-- The signer's name as it was when they signed (probe 68): a later rename of the account does not change what the
-- signed record says. Signatures from before this column keep null and show the account's current name.
ALTER TABLE wb_signature ADD COLUMN signer_name VARCHAR(500);
