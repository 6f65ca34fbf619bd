-- Server schema version 5 of Tandem: joint training and the network survey
-- (plan format 15). A training planned like a ride, its seats (who attends,
-- from either team), the plan's target of the other team's people at each
-- team's trainings; a survey, its invitations and its answers.
-- The tables' part is written from the SQLModel declaration
-- (`python -m planner.store.server.declared`); a test compares it.
-- Released: never edit; add a new step.

CREATE TABLE tandem.survey (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	title VARCHAR NOT NULL,
	questions VARCHAR NOT NULL,
	opened_on DATE NOT NULL,
	shows_people BOOLEAN NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(title) <= 300 AND title <> '' AND title !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND title !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(questions) <= 20000 AND questions <> '' AND questions !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND questions !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (opened_on BETWEEN '1900-01-01' AND '2199-12-31')
);

CREATE TABLE tandem.training (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	title VARCHAR NOT NULL,
	first_day DATE NOT NULL,
	last_day DATE NOT NULL,
	run_by tandem.team NOT NULL,
	methodology VARCHAR NOT NULL,
	trainer VARCHAR NOT NULL,
	status tandem.ridestatus NOT NULL,
	note VARCHAR NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(title) <= 300 AND title <> '' AND title !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND title !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (first_day BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (last_day BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(methodology) <= 300),
	CHECK (char_length(trainer) <= 300),
	CHECK (char_length(note) <= 20000),
	CHECK (last_day - first_day BETWEEN 0 AND 30)
);

ALTER TABLE tandem.plan ADD COLUMN training_seats_per_quarter INTEGER;

ALTER TABLE tandem.plan ADD CHECK (training_seats_per_quarter BETWEEN -1e+09 AND 1e+09 AND training_seats_per_quarter >= 0 AND training_seats_per_quarter <= 10000);

CREATE TABLE tandem.survey_answer (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	survey_id VARCHAR(36) NOT NULL,
	respondent_id VARCHAR(36) NOT NULL,
	question INTEGER NOT NULL,
	names_id VARCHAR(36) NOT NULL,
	often INTEGER NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, names_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, respondent_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, survey_id) REFERENCES tandem.survey (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(survey_id) <= 64 AND survey_id <> ''),
	CHECK (char_length(respondent_id) <= 64 AND respondent_id <> ''),
	CHECK (question BETWEEN -1e+09 AND 1e+09 AND question >= 0 AND question <= 9),
	CHECK (char_length(names_id) <= 64 AND names_id <> ''),
	CHECK (often BETWEEN -1e+09 AND 1e+09 AND often >= 1 AND often <= 4)
);

CREATE INDEX ON tandem.survey_answer (plan_id, survey_id);

CREATE INDEX ON tandem.survey_answer (plan_id, respondent_id);

CREATE INDEX ON tandem.survey_answer (plan_id, names_id);

CREATE TABLE tandem.survey_invite (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	survey_id VARCHAR(36) NOT NULL,
	person_id VARCHAR(36) NOT NULL,
	token VARCHAR NOT NULL,
	answered_at VARCHAR(32),
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, person_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, survey_id) REFERENCES tandem.survey (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(survey_id) <= 64 AND survey_id <> ''),
	CHECK (char_length(person_id) <= 64 AND person_id <> ''),
	CHECK (char_length(token) <= 300 AND token <> '' AND token !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND token !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (tandem.is_time(answered_at))
);

CREATE INDEX ON tandem.survey_invite (plan_id, survey_id);

CREATE INDEX ON tandem.survey_invite (plan_id, person_id);

CREATE TABLE tandem.training_seat (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	training_id VARCHAR(36) NOT NULL,
	person_id VARCHAR(36) NOT NULL,
	attended BOOLEAN NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, person_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, training_id) REFERENCES tandem.training (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(training_id) <= 64 AND training_id <> ''),
	CHECK (char_length(person_id) <= 64 AND person_id <> '')
);

CREATE INDEX ON tandem.training_seat (plan_id, training_id);

CREATE INDEX ON tandem.training_seat (plan_id, person_id);


INSERT INTO tandem.kinds VALUES ('Training', 'training'), ('TrainingSeat', 'training_seat'),
	('Survey', 'survey'), ('SurveyInvite', 'survey_invite'), ('SurveyAnswer', 'survey_answer');

ALTER TABLE tandem.training ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.training FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));
ALTER TABLE tandem.training_seat ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.training_seat FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));
ALTER TABLE tandem.survey ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.survey FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));
ALTER TABLE tandem.survey_invite ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.survey_invite FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));
ALTER TABLE tandem.survey_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.survey_answer FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));

-- Logins granted a plan before: what `tandem server grant` now grants them.
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT DISTINCT login FROM tandem.member
	         WHERE login IN (SELECT rolname FROM pg_roles) LOOP
		EXECUTE format('GRANT SELECT ON tandem.training, tandem.training_seat, tandem.survey, '
		               'tandem.survey_invite, tandem.survey_answer TO %I', r.login);
	END LOOP;
END $$;
