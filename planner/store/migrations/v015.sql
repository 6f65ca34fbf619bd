-- Schema version 15 of a Tandem plan file: joint training. A training is
-- planned like a ride (one team's training, on a day or a few, with its
-- methodology and trainer); its seats say who is down to attend, from either
-- team, and whether they did. The plan's target: people of the other team at
-- each team's trainings, a quarter. And the network survey: a survey's
-- questions, an invitation (with its form's one-time token) for each person
-- asked, and each answer (whom they go to on the other team, how often).
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

CREATE TABLE survey (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	title VARCHAR NOT NULL, 
	questions VARCHAR NOT NULL, 
	opened_on DATE NOT NULL, 
	shows_people BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE survey_invite (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	survey_id VARCHAR(36) NOT NULL, 
	person_id VARCHAR(36) NOT NULL, 
	token VARCHAR NOT NULL, 
	answered_at VARCHAR(32), 
	PRIMARY KEY (id), 
	FOREIGN KEY(survey_id) REFERENCES survey (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_survey_invite_person_id ON survey_invite (person_id);
CREATE INDEX ix_survey_invite_survey_id ON survey_invite (survey_id);

CREATE TABLE survey_answer (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	survey_id VARCHAR(36) NOT NULL, 
	respondent_id VARCHAR(36) NOT NULL, 
	question INTEGER NOT NULL, 
	names_id VARCHAR(36) NOT NULL, 
	often INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(survey_id) REFERENCES survey (id) ON DELETE CASCADE, 
	FOREIGN KEY(respondent_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(names_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_survey_answer_names_id ON survey_answer (names_id);
CREATE INDEX ix_survey_answer_respondent_id ON survey_answer (respondent_id);
CREATE INDEX ix_survey_answer_survey_id ON survey_answer (survey_id);
