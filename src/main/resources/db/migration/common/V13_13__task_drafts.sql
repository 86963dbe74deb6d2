-- Saved, unfinished answers of a task's form ("Concept opslaan", issue 18 point 11; ADR 0045). One per task and user:
-- nobody else reads it, it is never a completion and no rule reads it as content. Removed when the task is completed
-- or deleted (task listener in the engine's transaction).
CREATE TABLE wb_task_draft (
    task_id   VARCHAR(64)  NOT NULL,
    user_id   VARCHAR(100) NOT NULL,
    form_id   VARCHAR(100) NOT NULL,
    saved_at  TIMESTAMP    NOT NULL,
    answers   TEXT         NOT NULL,
    PRIMARY KEY (task_id, user_id)
);
