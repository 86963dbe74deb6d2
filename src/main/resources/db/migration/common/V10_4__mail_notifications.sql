-- E-mail notifications (ADR 0026).
-- Each user's choices: which kinds of mail they get, whether new tasks of their groups come as a digest, and the
-- language of their mails. A user without a row has the defaults (everything on, digest on, Dutch).
CREATE TABLE wb_notification_setting (
    user_id              VARCHAR(64) NOT NULL PRIMARY KEY,
    language             VARCHAR(2)  NOT NULL,
    new_group_task       BOOLEAN     NOT NULL,
    digest               BOOLEAN     NOT NULL,
    task_assigned        BOOLEAN     NOT NULL,
    deadline_approaching BOOLEAN     NOT NULL,
    deadline_passed      BOOLEAN     NOT NULL,
    decision             BOOLEAN     NOT NULL,
    send_back            BOOLEAN     NOT NULL,
    updated_at           TIMESTAMP   NOT NULL
);

-- The outbox: one row per mail to one recipient, written in the transaction of the fact it reports and sent later by
-- the scheduled sender, so a failing mail server never fails the work. status: PENDING (to send at next_attempt_at),
-- SENDING (claimed by a sender at claimed_at), SENT, FAILED (gave up after the last attempt).
CREATE TABLE wb_mail_outbox (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind              VARCHAR(30)   NOT NULL,
    recipient_user    VARCHAR(64)   NOT NULL,
    recipient_address VARCHAR(320)  NOT NULL,
    subject           VARCHAR(500)  NOT NULL,
    body              TEXT          NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    attempts          INT           NOT NULL,
    next_attempt_at   TIMESTAMP     NOT NULL,
    claimed_at        TIMESTAMP,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP     NOT NULL,
    sent_at           TIMESTAMP
);
CREATE INDEX ix_wb_mail_outbox_due ON wb_mail_outbox (status, next_attempt_at);
CREATE INDEX ix_wb_mail_outbox_created ON wb_mail_outbox (created_at);
CREATE INDEX ix_wb_mail_outbox_recipient ON wb_mail_outbox (recipient_user, kind, created_at);

-- New tasks of a user's groups that wait for the user's next digest; outbox_id is set when a digest took them.
CREATE TABLE wb_mail_digest_item (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(64)  NOT NULL,
    task_id     VARCHAR(64)  NOT NULL,
    task_name   VARCHAR(500),
    system_id   VARCHAR(64),
    system_name VARCHAR(500),
    created_at  TIMESTAMP    NOT NULL,
    outbox_id   VARCHAR(36)
);
CREATE INDEX ix_wb_mail_digest_item_user ON wb_mail_digest_item (user_id, outbox_id);

-- Deadline notices already made: one per task, kind (APPROACHING, PASSED) and due date, on whichever node saw it first.
-- A corrected due date is a new deadline and gets its own notices.
CREATE TABLE wb_deadline_notice (
    task_id    VARCHAR(64) NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    due_at     TIMESTAMP   NOT NULL,
    noticed_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (task_id, kind, due_at)
);
