-- Tasks and their listeners find the version they work on through their process instance (never through a variable,
-- which whoever works the task could set): one indexed lookup per content save and gate decision.
CREATE INDEX ix_wb_version_process_instance ON wb_assessment_version (process_instance_id);
