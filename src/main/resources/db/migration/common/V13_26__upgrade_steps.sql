-- Work that an upgrade needs done once, after the schema change, by the application (it needs the engine or the audit
-- trail, which a plain migration cannot read): one row per step when it is done, so later starts skip it.
CREATE TABLE wb_upgrade_step (
    name    VARCHAR(64) NOT NULL PRIMARY KEY,
    done_at TIMESTAMP   NOT NULL
);
