-- wb_answer_save is append-only, as on PostgreSQL (see nl.waarborg.assessment.H2ImmutabilityTrigger).
CREATE TRIGGER wb_answer_save_guard BEFORE UPDATE, DELETE ON wb_answer_save
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
