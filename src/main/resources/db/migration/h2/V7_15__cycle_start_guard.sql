-- wb_cycle_start is append-only, as on PostgreSQL (see nl.waarborg.assessment.H2ImmutabilityTrigger).
CREATE TRIGGER wb_cycle_start_guard BEFORE UPDATE, DELETE ON wb_cycle_start
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
