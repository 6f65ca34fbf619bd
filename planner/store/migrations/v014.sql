-- Schema version 14 of a Tandem plan file: a goal's check-ins found in the
-- order they are shown. The window reads each goal's latest two (newest
-- first: checked_on, created_at, id); one index in that order answers it
-- from the index alone, where the index on goal_id alone made SQLite sort
-- every goal's rows (16 ms for 50,000 check-ins, not 39).
-- Released: never edit; add a new step.

DROP INDEX ix_check_in_goal_id;
CREATE INDEX ix_check_in_goal_id_checked_on ON check_in (goal_id, checked_on, created_at, id);
