-- ADR 0058. Which administrator last set a local account's password (creating the account or resetting it), and
-- whether it is still the one-time password that the owner must replace before anything else. set_by stays the
-- administrator after the owner chose their own password: they may have chosen it themself. An account without a row
-- (the first administrator, the demo users, single sign-on users) has a password nobody set through the
-- administration.
CREATE TABLE wb_account_password (
    user_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    set_by          VARCHAR(64) NOT NULL,
    set_at          TIMESTAMP   NOT NULL,
    change_required BOOLEAN     NOT NULL
);
