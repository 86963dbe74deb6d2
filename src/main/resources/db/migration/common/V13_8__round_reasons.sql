-- Why each new round of a system's cycle started (issue 18): the trigger type and its explanation, shown on the
-- system page, the version page and in the PDF. Written once per round by the engine (CycleRounds.next); requested_by
-- is empty for a round that the review date started.
CREATE TABLE wb_round_reason (
    system_id    VARCHAR(36)   NOT NULL REFERENCES wb_system (id),
    cycle_round  INT           NOT NULL,
    trigger_type VARCHAR(32)   NOT NULL,
    explanation  VARCHAR(4000) NOT NULL,
    requested_by VARCHAR(100),
    requested_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (system_id, cycle_round)
);
