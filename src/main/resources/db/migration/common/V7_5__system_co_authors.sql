-- The co-authors of a system: project leads whom its owner names to write its content with them (triage, IAMA parts,
-- DPIA sections, action points, go-live checks). The owner and the co-authors form the system's team; only the team
-- sees and works the system's content tasks. Adding and removing a co-author is recorded in the audit trail.
CREATE TABLE wb_system_co_author (
    system_id VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    user_id   VARCHAR(100) NOT NULL,
    added_by  VARCHAR(100) NOT NULL,
    added_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (system_id, user_id)
);
-- "Mijn systemen" lists the systems a project lead co-authors.
CREATE INDEX ix_wb_system_co_author_user ON wb_system_co_author (user_id);
