-- The same guards as on PostgreSQL, as H2 Java triggers (see nl.waarborg.assessment.H2ImmutabilityTrigger).
CREATE TRIGGER wb_version_guard BEFORE UPDATE, DELETE ON wb_assessment_version
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
CREATE TRIGGER wb_signature_guard BEFORE UPDATE, DELETE ON wb_signature
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
CREATE TRIGGER wb_audit_guard BEFORE UPDATE, DELETE ON wb_audit_event
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
CREATE TRIGGER wb_action_point_guard BEFORE UPDATE, DELETE ON wb_action_point
    FOR EACH ROW CALL 'nl.waarborg.assessment.H2ImmutabilityTrigger';
