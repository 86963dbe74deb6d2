-- wb_eu_registration_version is append-only (ADR 0034), as on H2 (h2/V13_12_1); wb_refuse_change comes from V3.
CREATE TRIGGER wb_eu_registration_guard BEFORE UPDATE OR DELETE ON wb_eu_registration_version
    FOR EACH ROW EXECUTE FUNCTION wb_refuse_change();
