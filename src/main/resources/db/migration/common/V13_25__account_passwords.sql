-- ADR 0058. Who last set a local account's password, and whether it is a one-time password that the owner must change
-- before anything else. set_by is the administrator's id, or the user's own id once they chose the password
-- themself. An account without a row (the first administrator, the demo users, single sign-on users) has a password
-- nobody set through the administration.
CREATE TABLE wb_account_password (
    user_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    set_by          VARCHAR(64) NOT NULL,
    set_at          TIMESTAMP   NOT NULL,
    change_required BOOLEAN     NOT NULL
);
