-- The register entry versions are kept like assessment versions (ADR 0034): never deleted, a version's entry text and
-- editor never change, and the status only moves DRAFT -> APPROVED, DRAFT -> SUPERSEDED (a draft carried over to a
-- new phase) and APPROVED -> SUPERSEDED. H2 has the same rule as a Java trigger (H2RegisterEntryGuard).
CREATE FUNCTION wb_guard_register_entry() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'register entry version % cannot be deleted (Archiefwet: nothing is deleted silently)', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id = OLD.id AND NEW.system_id = OLD.system_id AND NEW.number = OLD.number AND NEW.entry = OLD.entry
       AND NEW.edited_by = OLD.edited_by AND NEW.created_at = OLD.created_at
       AND ((OLD.status = 'DRAFT' AND NEW.status = 'APPROVED'
             AND OLD.approved_by IS NULL AND NEW.approved_by IS NOT NULL AND NEW.approved_at IS NOT NULL)
         OR (OLD.status = 'DRAFT' AND NEW.status = 'SUPERSEDED'
             AND NEW.approved_by IS NULL AND NEW.approved_at IS NULL)
         OR (OLD.status = 'APPROVED' AND NEW.status = 'SUPERSEDED'
             AND NEW.approved_by IS NOT DISTINCT FROM OLD.approved_by
             AND NEW.approved_at IS NOT DISTINCT FROM OLD.approved_at)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'register entry version % (%) cannot be changed this way: its text never changes and its status only moves DRAFT -> APPROVED or SUPERSEDED, APPROVED -> SUPERSEDED', OLD.id, OLD.status
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER wb_register_entry_guard BEFORE UPDATE OR DELETE ON wb_register_entry_version
    FOR EACH ROW EXECUTE FUNCTION wb_guard_register_entry();
