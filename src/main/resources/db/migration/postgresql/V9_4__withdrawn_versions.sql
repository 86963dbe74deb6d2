-- A draft or a version in review becomes WITHDRAWN when an administrator cancels its cycle (stuck work, issue 15).
ALTER TABLE wb_assessment_version DROP CONSTRAINT ck_wb_version_status;
ALTER TABLE wb_assessment_version ADD CONSTRAINT ck_wb_version_status
    CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN'));

-- The frozen-version guard of V8_1, with WITHDRAWN as a closed status: a withdrawn version never changes again.
CREATE OR REPLACE FUNCTION wb_guard_version() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'assessment version % cannot be deleted (Archiefwet: nothing is deleted silently)', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status IN ('APPROVED', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN') THEN
        -- The only change a frozen version allows: APPROVED becomes SUPERSEDED when its successor is approved.
        IF OLD.status = 'APPROVED' AND NEW.status = 'SUPERSEDED'
           AND NEW.id = OLD.id AND NEW.assessment_id = OLD.assessment_id AND NEW.number = OLD.number
           AND NEW.cycle_round = OLD.cycle_round AND NEW.answers = OLD.answers
           AND NEW.triage IS NOT DISTINCT FROM OLD.triage
           AND NEW.process_instance_id IS NOT DISTINCT FROM OLD.process_instance_id
           AND NEW.content_hash IS NOT DISTINCT FROM OLD.content_hash
           AND NEW.previous_hash IS NOT DISTINCT FROM OLD.previous_hash
           AND NEW.hash_key_id IS NOT DISTINCT FROM OLD.hash_key_id
           AND NEW.created_at = OLD.created_at AND NEW.frozen_at IS NOT DISTINCT FROM OLD.frozen_at THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'assessment version % is frozen (%) and cannot be changed', OLD.id, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
