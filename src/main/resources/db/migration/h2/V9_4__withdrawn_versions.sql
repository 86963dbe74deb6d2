-- A draft or a version in review becomes WITHDRAWN when an administrator cancels its cycle (stuck work, issue 15).
-- On H2 the frozen-version guard is the Java trigger H2ImmutabilityTrigger, which treats WITHDRAWN as frozen.
ALTER TABLE wb_assessment_version DROP CONSTRAINT ck_wb_version_status;
ALTER TABLE wb_assessment_version ADD CONSTRAINT ck_wb_version_status
    CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN'));
