-- The oversight's blocked list is read longest-waiting first (ORDER BY waiting_since, task_id LIMIT n): this index
-- serves that order without sorting every open wait, so a page costs the same at 100 or 100,000 waits
-- (docs/benchmark.md has the figures). The department filter joins wb_system on its primary key and
-- ix_wb_system_department.
CREATE INDEX ix_wb_open_wait_since ON wb_open_wait (waiting_since, task_id);
