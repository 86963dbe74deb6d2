-- What was done for an action point and where the evidence is (issue 18). Both belong to the progress of the point, so
-- the immutability guards (which check the signed columns only) let them be written once the point is carried out.
ALTER TABLE wb_action_point ADD COLUMN result VARCHAR(100000);
ALTER TABLE wb_action_point ADD COLUMN evidence VARCHAR(4000);
