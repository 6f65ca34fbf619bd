-- Schema version 7 of a Tandem plan file: named versions of the plan (each a
-- place in its history), and what a merge brought in from another copy (the
-- ids of the other copy's change sets, so the next merge starts from there).
-- Released: never edit; add a new step.

CREATE TABLE plan_version (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR NOT NULL, 
	note VARCHAR NOT NULL, 
	author VARCHAR NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	seq INTEGER NOT NULL, 
	automatic BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE change_seen (
	change_id VARCHAR(36) NOT NULL, 
	seen_id VARCHAR(36) NOT NULL, 
	taken_back BOOLEAN NOT NULL, 
	FOREIGN KEY(change_id) REFERENCES change_log (id) ON DELETE CASCADE
);

CREATE INDEX ix_change_seen_change_id ON change_seen (change_id)
