-- Schema version 9 of a Tandem plan file: what a merge found in the other
-- copy, so that a later merge can start from it as git starts from a commit
-- both sides hold: the ids of this plan's change sets the other copy lacked,
-- and the other copy's rows where they differed from this plan just before
-- (compressed JSON, [[kind, id, row or null], ...]).
-- Released: never edit; add a new step.

CREATE TABLE change_other (
	change_id VARCHAR(36) NOT NULL, 
	lacked VARCHAR NOT NULL, 
	rows BLOB NOT NULL, 
	PRIMARY KEY (change_id), 
	FOREIGN KEY(change_id) REFERENCES change_log (id) ON DELETE CASCADE
)
