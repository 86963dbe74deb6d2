-- Users that single sign-on created (ADR 0025): the provider's issuer and subject that the Waarborg user id belongs to,
-- so another person at the provider (or a local account) cannot take that id over, and an administrator sees who came
-- from the provider.
CREATE TABLE wb_sso_account (
    user_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    issuer     VARCHAR(500) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    created_at TIMESTAMP    NOT NULL
);
