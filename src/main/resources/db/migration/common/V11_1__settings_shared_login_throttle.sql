-- Issue 15 (ADR 0027). One reason rule for every administrator's action: at most 2000 characters, as for stuck work.
ALTER TABLE wb_account_deactivation ALTER COLUMN reason SET DATA TYPE VARCHAR(2000);

-- Failed logins per account ("account:<name>") and per client address ("address:<ip>"), shared by every node on this
-- database (LoginThrottle): the count in the current window, and the lock when it reached the maximum. Times are epoch
-- milliseconds. A row whose window or lock has ended (expires_at) no longer counts and is deleted once a minute.
CREATE TABLE wb_login_failure (
    throttle_key   VARCHAR(300) NOT NULL PRIMARY KEY,
    failures       INT          NOT NULL,
    window_started BIGINT       NOT NULL,
    locked_until   BIGINT,
    expires_at     BIGINT       NOT NULL
);
CREATE INDEX wb_login_failure_expires ON wb_login_failure (expires_at);

-- Settings a functional administrator changed at run time (RuntimeSettings, ADR 0027); a setting without a row takes
-- its value from the environment. Each change is also an audit event (SETTING_CHANGED) with the reason.
CREATE TABLE wb_setting (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(100) NOT NULL,
    changed_by    VARCHAR(64)  NOT NULL,
    changed_at    TIMESTAMP    NOT NULL
);
