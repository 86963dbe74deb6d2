-- The register of algorithms and AI systems that Waarborg assesses.
CREATE TABLE wb_system (
    id                   VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    description          VARCHAR(4000),
    department           VARCHAR(200) NOT NULL,
    owner                VARCHAR(100) NOT NULL,
    publication_category VARCHAR(1),
    phase                VARCHAR(20)  NOT NULL,
    status               VARCHAR(30)  NOT NULL,
    status_reason        VARCHAR(4000),
    created_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    row_version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX ix_wb_system_department ON wb_system (department);
CREATE INDEX ix_wb_system_owner ON wb_system (owner);
