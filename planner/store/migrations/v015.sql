-- Schema version 15 of a Tandem plan file: joint training. A training is
-- planned like a ride (one team's training, on a day or a few, with its
-- methodology and trainer); its seats say who is down to attend, from either
-- team, and whether they did. The plan's target: people of the other team at
-- each team's trainings, a quarter.
-- Released: never edit; add a new step.

ALTER TABLE plan ADD COLUMN training_seats_per_quarter INTEGER;

CREATE TABLE training (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	title VARCHAR NOT NULL, 
	first_day DATE NOT NULL, 
	last_day DATE NOT NULL, 
	run_by VARCHAR(9) NOT NULL, 
	methodology VARCHAR NOT NULL, 
	trainer VARCHAR NOT NULL, 
	status VARCHAR(9) NOT NULL, 
	note VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE training_seat (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	training_id VARCHAR(36) NOT NULL, 
	person_id VARCHAR(36) NOT NULL, 
	attended BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(training_id) REFERENCES training (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_training_seat_training_id ON training_seat (training_id);
CREATE INDEX ix_training_seat_person_id ON training_seat (person_id);
