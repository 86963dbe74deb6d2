-- The register entry versions are kept like assessment versions (ADR 0034): never deleted, a version's entry text and
-- editor never change, and the status only moves DRAFT -> APPROVED, DRAFT -> SUPERSEDED (a draft carried over to a
-- new phase) and APPROVED -> SUPERSEDED. PostgreSQL has the same rule as a function (postgresql/V13_6).
CREATE TRIGGER wb_register_entry_guard BEFORE UPDATE, DELETE ON wb_register_entry_version
    FOR EACH ROW CALL 'nl.waarborg.publication.H2RegisterEntryGuard';
