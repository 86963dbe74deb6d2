-- Issue 15 (ADR 0027). One reason rule for every administrator's action: at most 2000 characters, as for stuck work.
ALTER TABLE wb_account_deactivation ALTER COLUMN reason SET DATA TYPE VARCHAR(2000);
