-- Schema version 6 of a Tandem plan file: the change sets the plan committed,
-- in order, each with the rows it touched as they were and became. Calendars
-- count a ride's revisions from it; two copies of a plan find the history
-- they share from its ids. Released: never edit; add a new step.

CREATE TABLE change_log (
	id VARCHAR(36) NOT NULL, 
	seq INTEGER NOT NULL, 
	committed_at VARCHAR(32) NOT NULL, 
	label VARCHAR NOT NULL, 
	exact BOOLEAN NOT NULL, 
	rows BLOB NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (seq)
);

CREATE TABLE change_log_row (
	change_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	FOREIGN KEY(change_id) REFERENCES change_log (id) ON DELETE CASCADE
);

CREATE INDEX ix_change_log_row_row_id ON change_log_row (row_id);

CREATE INDEX ix_change_log_row_change_id ON change_log_row (change_id)
