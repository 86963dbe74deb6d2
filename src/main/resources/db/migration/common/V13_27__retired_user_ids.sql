-- The ids of deleted accounts. Records keep the id of whoever owned a system, wrote, signed or co-authored; an account
-- made again under that id would inherit all of it (systems, team places, the authorship the audit trail shows). So a
-- deleted account's id is never given again.
CREATE TABLE wb_retired_user_id (
    user_id    VARCHAR(100) NOT NULL PRIMARY KEY,
    deleted_by VARCHAR(100) NOT NULL,
    deleted_at TIMESTAMP    NOT NULL
);
