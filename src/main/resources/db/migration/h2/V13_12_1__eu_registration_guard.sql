-- wb_eu_registration_version is append-only (ADR 0034), as on PostgreSQL (postgresql/V13_12_1).
CREATE TRIGGER wb_eu_registration_guard BEFORE UPDATE, DELETE ON wb_eu_registration_version
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
