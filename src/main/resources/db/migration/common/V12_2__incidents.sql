-- Incidents of a system (ADR 0033): one row per run of process "incident", with its classification and whether the
-- use of the system is suspended. The steps themselves (notifications, escalations) are in the audit trail.
CREATE TABLE wb_incident (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    system_id           VARCHAR(64)   NOT NULL,
    reported_by         VARCHAR(64),
    reported_at         TIMESTAMP     NOT NULL,
    description         VARCHAR(4000) NOT NULL,
    seriousness         VARCHAR(64),
    breach_risk         VARCHAR(64),
    use_suspended       BOOLEAN       NOT NULL DEFAULT FALSE,
    suspended_at        TIMESTAMP,
    resumed_at          TIMESTAMP,
    closed_at           TIMESTAMP
);
CREATE INDEX wb_incident_system ON wb_incident (system_id, reported_at);
