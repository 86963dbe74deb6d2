-- wb_cycle_start is append-only, as the signatures and the audit trail (wb_refuse_change comes from V3).
CREATE TRIGGER wb_cycle_start_guard BEFORE UPDATE OR DELETE ON wb_cycle_start
    FOR EACH ROW EXECUTE FUNCTION wb_refuse_change();
