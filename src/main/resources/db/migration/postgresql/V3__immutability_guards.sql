-- The database itself refuses to change what was signed, whoever connects (defence in depth behind the API).

CREATE FUNCTION wb_guard_version() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'assessment version % cannot be deleted (Archiefwet: nothing is deleted silently)', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status IN ('APPROVED', 'REJECTED', 'SUPERSEDED') THEN
        -- The only change a frozen version allows: APPROVED becomes SUPERSEDED when its successor is approved.
        IF OLD.status = 'APPROVED' AND NEW.status = 'SUPERSEDED'
           AND NEW.id = OLD.id AND NEW.assessment_id = OLD.assessment_id AND NEW.number = OLD.number
           AND NEW.cycle_round = OLD.cycle_round AND NEW.answers = OLD.answers
           AND NEW.triage IS NOT DISTINCT FROM OLD.triage
           AND NEW.process_instance_id IS NOT DISTINCT FROM OLD.process_instance_id
           AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
           AND NEW.previous_hash IS NOT DISTINCT FROM OLD.previous_hash
           AND NEW.created_at = OLD.created_at AND NEW.frozen_at IS NOT DISTINCT FROM OLD.frozen_at THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'assessment version % is frozen (%) and cannot be changed', OLD.id, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER wb_version_guard BEFORE UPDATE OR DELETE ON wb_assessment_version
    FOR EACH ROW EXECUTE FUNCTION wb_guard_version();

CREATE FUNCTION wb_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER wb_signature_guard BEFORE UPDATE OR DELETE ON wb_signature
    FOR EACH ROW EXECUTE FUNCTION wb_refuse_change();
CREATE TRIGGER wb_audit_guard BEFORE UPDATE OR DELETE ON wb_audit_event
    FOR EACH ROW EXECUTE FUNCTION wb_refuse_change();

CREATE FUNCTION wb_guard_action_point() RETURNS trigger AS $$
BEGIN
    -- Action points are part of what was signed; only their progress (done, by whom, when) may change.
    IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.version_id <> OLD.version_id OR NEW.section <> OLD.section
       OR NEW.what <> OLD.what OR NEW.owner IS DISTINCT FROM OLD.owner OR NEW.due_date IS DISTINCT FROM OLD.due_date THEN
        RAISE EXCEPTION 'action point % is part of a signed version and cannot be changed', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER wb_action_point_guard BEFORE UPDATE OR DELETE ON wb_action_point
    FOR EACH ROW EXECUTE FUNCTION wb_guard_action_point();
