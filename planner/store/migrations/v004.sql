-- Schema version 4 of a Tandem plan file: the workshop's parking lot.
-- Released: never edit; add a new step.

CREATE TABLE parking_topic (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	topic VARCHAR NOT NULL, 
	done BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
