-- wb_answer_save is append-only, as the signatures and the audit trail (wb_refuse_change comes from V3).
CREATE TRIGGER wb_answer_save_guard BEFORE UPDATE OR DELETE ON wb_answer_save
    FOR EACH ROW EXECUTE FUNCTION wb_refuse_change();
