-- "Bekend sinds" (ADR 0033): when the deployer became aware of the incident; the notification periods run from it
-- (GDPR Art. 33(1), AI Act Art. 73(2)). Incidents reported before this column existed became known when reported.
ALTER TABLE wb_incident ADD COLUMN aware_since TIMESTAMP;
UPDATE wb_incident SET aware_since = reported_at;
ALTER TABLE wb_incident ALTER COLUMN aware_since SET NOT NULL;
