-- Go-live checks done per round (ADR 0031): the high-risk checks, the Art. 50 duties and the provider's duties. The
-- go-live invariant refuses Evaluate ("in use") while a check that the round's triage asks for has no row here.
-- evidence holds the check's answers (canonical JSON) as they were confirmed.
CREATE TABLE wb_go_live_check (
    system_id   VARCHAR(36)  NOT NULL REFERENCES wb_system (id),
    cycle_round INTEGER      NOT NULL,
    check_code  VARCHAR(64)  NOT NULL,
    done_by     VARCHAR(100),
    done_at     TIMESTAMP    NOT NULL,
    evidence    TEXT         NOT NULL,
    PRIMARY KEY (system_id, cycle_round, check_code)
);
