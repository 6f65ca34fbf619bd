-- Schema version 11 of a Tandem plan file: the plan through the year. A goal
-- has check-ins (how far it is, how sure its owners are, a note, who and
-- when); the plan says how often a goal should be checked in, and which plan
-- it was started from when it carries on from a closed one.
-- Released: never edit; add a new step.

ALTER TABLE "plan" ADD COLUMN checkin_days INTEGER DEFAULT '14' NOT NULL;
ALTER TABLE "plan" ADD COLUMN carried_from VARCHAR DEFAULT '' NOT NULL;

CREATE TABLE check_in (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	goal_id VARCHAR(36) NOT NULL, 
	checked_on DATE NOT NULL, 
	progress FLOAT NOT NULL, 
	confidence INTEGER NOT NULL, 
	in_percent BOOLEAN NOT NULL, 
	note VARCHAR NOT NULL, 
	author_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE, 
	FOREIGN KEY(author_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_check_in_author_id ON check_in (author_id);

CREATE INDEX ix_check_in_goal_id ON check_in (goal_id)
