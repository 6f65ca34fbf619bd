-- Server schema version 1 of Tandem, on PostgreSQL (15 or newer): any number of
-- plans in one database, each with its rows, its history of change sets (with
-- their authors), its versions and the PostgreSQL logins of its people.
-- The kinds' tables are written from the SQLModel declaration
-- (`python -m planner.store.server.declared`); a test compares them.
-- Nobody writes a table but through the functions below, which run as the
-- schema's owner and decide, from the login, what its person may do.
-- Released: never edit; add a new step.

CREATE SCHEMA tandem;
REVOKE ALL ON SCHEMA tandem FROM PUBLIC;

CREATE TABLE tandem.meta (
	key VARCHAR PRIMARY KEY,
	value VARCHAR NOT NULL
);

CREATE TABLE tandem.plans (
	id VARCHAR(36) PRIMARY KEY,
	title VARCHAR NOT NULL,
	head BIGINT NOT NULL DEFAULT 0,
	published_at VARCHAR(32) NOT NULL,
	published_by VARCHAR NOT NULL
);

-- A time as a plan stores it (ISO 8601 with its offset, a year a calendar
-- shows), for the tables' CHECKs: false, never an error, for anything else.
CREATE FUNCTION tandem.is_time(p text) RETURNS boolean
	LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT CASE WHEN p ~ ('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3])'
	                      ':[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?([+-]([01][0-9]|2[0-3]):[0-5][0-9]|Z)$')
		THEN substr(p, 1, 4)::int BETWEEN 1900 AND 2199
		     AND substr(p, 9, 2)::int <= extract(day FROM make_date(substr(p, 1, 4)::int,
		         substr(p, 6, 2)::int, 1) + interval '1 month' - interval '1 day')
		ELSE false END
$$;

CREATE TYPE tandem.access AS ENUM ('EDITOR', 'VIEWER', 'FACILITATOR');

CREATE TYPE tandem.cadence AS ENUM ('MONTHLY', 'QUARTERLY');

CREATE TYPE tandem.engagedteam AS ENUM ('MARKETING', 'SALES', 'BOTH');

CREATE TYPE tandem.goalstatus AS ENUM ('PROPOSED', 'ACTIVE', 'DONE', 'DROPPED');

CREATE TYPE tandem.metricdirection AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

CREATE TYPE tandem.planstatus AS ENUM ('DRAFT', 'AGREED');

CREATE TYPE tandem.ridedirection AS ENUM ('MARKETING_WITH_SALES', 'SALES_WITH_MARKETING');

CREATE TYPE tandem.ridestatus AS ENUM ('PLANNED', 'CONFIRMED', 'DONE', 'CANCELLED');

CREATE TYPE tandem.team AS ENUM ('SALES', 'MARKETING', 'OTHER');

CREATE TABLE tandem.funnel_stage (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	name VARCHAR NOT NULL,
	position INTEGER NOT NULL,
	engaged_team tandem.engagedteam NOT NULL,
	entry_definition VARCHAR NOT NULL,
	handoff_service_level VARCHAR NOT NULL,
	return_service_level VARCHAR DEFAULT '' NOT NULL,
	send_back_reasons VARCHAR DEFAULT '' NOT NULL,
	conversion_rate FLOAT,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(name) <= 300 AND name <> '' AND name !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND name !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (position BETWEEN -1e+09 AND 1e+09),
	CHECK (char_length(entry_definition) <= 20000),
	CHECK (char_length(handoff_service_level) <= 20000),
	CHECK (char_length(return_service_level) <= 20000),
	CHECK (char_length(send_back_reasons) <= 20000),
	CHECK (conversion_rate <> 'NaN' AND conversion_rate BETWEEN -1e+15 AND 1e+15 AND conversion_rate > 0 AND conversion_rate <= 1)
);

CREATE TABLE tandem.non_working_day (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	day DATE NOT NULL,
	occasion VARCHAR NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	UNIQUE (plan_id, day),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (day BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(occasion) <= 300)
);

CREATE TABLE tandem.parking_topic (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	topic VARCHAR NOT NULL,
	done BOOLEAN NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(topic) <= 300 AND topic <> '' AND topic !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND topic !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$')
);

CREATE TABLE tandem.person (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	name VARCHAR NOT NULL,
	team tandem.team NOT NULL,
	role VARCHAR NOT NULL,
	territory VARCHAR NOT NULL,
	email VARCHAR NOT NULL,
	left_plan BOOLEAN DEFAULT false NOT NULL,
	access tandem.access DEFAULT 'EDITOR' NOT NULL,
	delegate BOOLEAN DEFAULT false NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(name) <= 300 AND name <> '' AND name !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND name !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(role) <= 300),
	CHECK (char_length(territory) <= 300),
	CHECK (char_length(email) <= 300)
);

CREATE TABLE tandem.review (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	held_on DATE NOT NULL,
	what_happened VARCHAR NOT NULL,
	what_we_learned VARCHAR NOT NULL,
	what_we_change VARCHAR NOT NULL,
	blame_flag_dismissed BOOLEAN DEFAULT false NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (held_on BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(what_happened) <= 20000),
	CHECK (char_length(what_we_learned) <= 20000),
	CHECK (char_length(what_we_change) <= 20000)
);

CREATE TABLE tandem.field_ride (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	direction tandem.ridedirection NOT NULL,
	visitor_id VARCHAR(36),
	host_id VARCHAR(36),
	first_day DATE NOT NULL,
	last_day DATE NOT NULL,
	territory VARCHAR NOT NULL,
	accounts VARCHAR NOT NULL,
	objective VARCHAR NOT NULL,
	status tandem.ridestatus NOT NULL,
	debrief VARCHAR NOT NULL,
	customers_asked VARCHAR DEFAULT '' NOT NULL,
	marketing_changes VARCHAR DEFAULT '' NOT NULL,
	sales_changes VARCHAR DEFAULT '' NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, host_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, visitor_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (first_day BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (last_day BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(visitor_id) <= 64 AND visitor_id <> ''),
	CHECK (char_length(host_id) <= 64 AND host_id <> ''),
	CHECK (char_length(territory) <= 300),
	CHECK (char_length(accounts) <= 20000),
	CHECK (char_length(objective) <= 20000),
	CHECK (char_length(debrief) <= 20000),
	CHECK (char_length(customers_asked) <= 20000),
	CHECK (char_length(marketing_changes) <= 20000),
	CHECK (char_length(sales_changes) <= 20000),
	CHECK (last_day - first_day BETWEEN 0 AND 91)
);

CREATE INDEX ON tandem.field_ride (plan_id, visitor_id);

CREATE INDEX ON tandem.field_ride (plan_id, host_id);

CREATE TABLE tandem.goal (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	title VARCHAR NOT NULL,
	description VARCHAR NOT NULL,
	success_measure VARCHAR NOT NULL,
	due_date DATE,
	status tandem.goalstatus NOT NULL,
	proposed_by tandem.team NOT NULL,
	sales_owner_id VARCHAR(36),
	marketing_owner_id VARCHAR(36),
	sales_signed_by_id VARCHAR(36),
	sales_signed_at VARCHAR(32),
	marketing_signed_by_id VARCHAR(36),
	marketing_signed_at VARCHAR(32),
	shared_reward VARCHAR NOT NULL,
	position INTEGER NOT NULL,
	sales_signed_wording VARCHAR,
	marketing_signed_wording VARCHAR,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, marketing_owner_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, marketing_signed_by_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, sales_owner_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, sales_signed_by_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(title) <= 300 AND title <> '' AND title !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND title !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(description) <= 20000),
	CHECK (char_length(success_measure) <= 20000),
	CHECK (due_date BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(sales_owner_id) <= 64 AND sales_owner_id <> ''),
	CHECK (char_length(marketing_owner_id) <= 64 AND marketing_owner_id <> ''),
	CHECK (char_length(sales_signed_by_id) <= 64 AND sales_signed_by_id <> ''),
	CHECK (tandem.is_time(sales_signed_at)),
	CHECK (char_length(marketing_signed_by_id) <= 64 AND marketing_signed_by_id <> ''),
	CHECK (tandem.is_time(marketing_signed_at)),
	CHECK (char_length(shared_reward) <= 20000),
	CHECK (position BETWEEN -1e+09 AND 1e+09),
	CHECK (char_length(sales_signed_wording) <= 60000),
	CHECK (char_length(marketing_signed_wording) <= 60000)
);

CREATE INDEX ON tandem.goal (plan_id, sales_owner_id);

CREATE INDEX ON tandem.goal (plan_id, marketing_owner_id);

CREATE INDEX ON tandem.goal (plan_id, sales_signed_by_id);

CREATE INDEX ON tandem.goal (plan_id, marketing_signed_by_id);

CREATE TABLE tandem.metric (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	name VARCHAR NOT NULL,
	definition VARCHAR NOT NULL,
	unit VARCHAR NOT NULL,
	direction tandem.metricdirection NOT NULL,
	funnel_stage_id VARCHAR(36),
	baseline FLOAT,
	target FLOAT,
	cadence tandem.cadence NOT NULL,
	reported_by tandem.engagedteam DEFAULT 'BOTH' NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, funnel_stage_id) REFERENCES tandem.funnel_stage (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(name) <= 300 AND name <> '' AND name !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND name !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(definition) <= 20000),
	CHECK (char_length(unit) <= 300),
	CHECK (char_length(funnel_stage_id) <= 64 AND funnel_stage_id <> ''),
	CHECK (baseline <> 'NaN' AND baseline BETWEEN -1e+15 AND 1e+15),
	CHECK (target <> 'NaN' AND target BETWEEN -1e+15 AND 1e+15)
);

CREATE INDEX ON tandem.metric (plan_id, funnel_stage_id);

CREATE TABLE tandem.plan (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	title VARCHAR NOT NULL,
	company VARCHAR NOT NULL,
	period_start DATE NOT NULL,
	period_end DATE NOT NULL,
	purpose VARCHAR NOT NULL,
	status tandem.planstatus NOT NULL,
	head_of_sales_id VARCHAR(36),
	head_of_marketing_id VARCHAR(36),
	exclude_weekends BOOLEAN DEFAULT true NOT NULL,
	marketing_days_per_quarter INTEGER,
	sales_days_per_half INTEGER,
	max_direction_ratio FLOAT,
	revenue_target FLOAT,
	average_deal_size FLOAT,
	shared_rewards BOOLEAN DEFAULT true NOT NULL,
	checkin_days INTEGER DEFAULT '14' NOT NULL,
	carried_from VARCHAR DEFAULT '' NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, head_of_marketing_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, head_of_sales_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(title) <= 300 AND title <> '' AND title !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND title !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (period_start BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (period_end BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (char_length(company) <= 300),
	CHECK (char_length(purpose) <= 20000),
	CHECK (char_length(head_of_sales_id) <= 64 AND head_of_sales_id <> ''),
	CHECK (char_length(head_of_marketing_id) <= 64 AND head_of_marketing_id <> ''),
	CHECK (marketing_days_per_quarter BETWEEN -1e+09 AND 1e+09 AND marketing_days_per_quarter >= 0 AND marketing_days_per_quarter <= 92),
	CHECK (sales_days_per_half BETWEEN -1e+09 AND 1e+09 AND sales_days_per_half >= 0 AND sales_days_per_half <= 184),
	CHECK (max_direction_ratio <> 'NaN' AND max_direction_ratio BETWEEN -1e+15 AND 1e+15 AND max_direction_ratio >= 1 AND max_direction_ratio <= 100),
	CHECK (revenue_target <> 'NaN' AND revenue_target BETWEEN -1e+15 AND 1e+15 AND revenue_target >= 0),
	CHECK (average_deal_size <> 'NaN' AND average_deal_size BETWEEN -1e+15 AND 1e+15 AND average_deal_size > 0),
	CHECK (checkin_days BETWEEN -1e+09 AND 1e+09 AND checkin_days >= 1 AND checkin_days <= 366),
	CHECK (char_length(carried_from) <= 300),
	CHECK (period_end - period_start BETWEEN 0 AND 1829)
);

CREATE INDEX ON tandem.plan (plan_id, head_of_sales_id);

CREATE INDEX ON tandem.plan (plan_id, head_of_marketing_id);

CREATE TABLE tandem.review_action (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	review_id VARCHAR(36) NOT NULL,
	action VARCHAR NOT NULL,
	owner_id VARCHAR(36),
	due_date DATE,
	done BOOLEAN NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, owner_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, review_id) REFERENCES tandem.review (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(review_id) <= 64 AND review_id <> ''),
	CHECK (char_length(action) <= 300 AND action <> '' AND action !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND action !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(owner_id) <= 64 AND owner_id <> ''),
	CHECK (due_date BETWEEN '1900-01-01' AND '2199-12-31')
);

CREATE INDEX ON tandem.review_action (plan_id, review_id);

CREATE INDEX ON tandem.review_action (plan_id, owner_id);

CREATE TABLE tandem.check_in (
	plan_id VARCHAR(36) NOT NULL,
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
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, author_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, goal_id) REFERENCES tandem.goal (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(goal_id) <= 64 AND goal_id <> ''),
	CHECK (checked_on BETWEEN '1900-01-01' AND '2199-12-31'),
	CHECK (progress <> 'NaN' AND progress BETWEEN -1e+15 AND 1e+15 AND progress >= 0),
	CHECK (confidence BETWEEN -1e+09 AND 1e+09 AND confidence >= 1 AND confidence <= 10),
	CHECK (char_length(note) <= 20000),
	CHECK (char_length(author_id) <= 64 AND author_id <> '')
);

CREATE INDEX ON tandem.check_in (plan_id, goal_id);

CREATE INDEX ON tandem.check_in (plan_id, author_id);

CREATE TABLE tandem.message (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	customer_problem VARCHAR NOT NULL,
	value_message VARCHAR NOT NULL,
	proof_point VARCHAR NOT NULL,
	source VARCHAR NOT NULL,
	field_ride_id VARCHAR(36),
	segment VARCHAR DEFAULT '' NOT NULL,
	funnel_stage_id VARCHAR(36),
	review_id VARCHAR(36),
	owner_id VARCHAR(36),
	sales_signed_by_id VARCHAR(36),
	sales_signed_at VARCHAR(32),
	sales_signed_wording VARCHAR,
	marketing_signed_by_id VARCHAR(36),
	marketing_signed_at VARCHAR(32),
	marketing_signed_wording VARCHAR,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, field_ride_id) REFERENCES tandem.field_ride (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, funnel_stage_id) REFERENCES tandem.funnel_stage (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, marketing_signed_by_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, owner_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, review_id) REFERENCES tandem.review (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, sales_signed_by_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(customer_problem) <= 20000 AND customer_problem <> '' AND customer_problem !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND customer_problem !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(value_message) <= 20000),
	CHECK (char_length(proof_point) <= 20000),
	CHECK (char_length(source) <= 300),
	CHECK (char_length(field_ride_id) <= 64 AND field_ride_id <> ''),
	CHECK (char_length(segment) <= 300),
	CHECK (char_length(funnel_stage_id) <= 64 AND funnel_stage_id <> ''),
	CHECK (char_length(review_id) <= 64 AND review_id <> ''),
	CHECK (char_length(owner_id) <= 64 AND owner_id <> ''),
	CHECK (char_length(sales_signed_by_id) <= 64 AND sales_signed_by_id <> ''),
	CHECK (tandem.is_time(sales_signed_at)),
	CHECK (char_length(sales_signed_wording) <= 60000),
	CHECK (char_length(marketing_signed_by_id) <= 64 AND marketing_signed_by_id <> ''),
	CHECK (tandem.is_time(marketing_signed_at)),
	CHECK (char_length(marketing_signed_wording) <= 60000)
);

CREATE INDEX ON tandem.message (plan_id, field_ride_id);

CREATE INDEX ON tandem.message (plan_id, funnel_stage_id);

CREATE INDEX ON tandem.message (plan_id, review_id);

CREATE INDEX ON tandem.message (plan_id, owner_id);

CREATE INDEX ON tandem.message (plan_id, sales_signed_by_id);

CREATE INDEX ON tandem.message (plan_id, marketing_signed_by_id);

CREATE TABLE tandem.metric_goal (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	metric_id VARCHAR(36) NOT NULL,
	goal_id VARCHAR(36) NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, goal_id) REFERENCES tandem.goal (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, metric_id) REFERENCES tandem.metric (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(metric_id) <= 64 AND metric_id <> ''),
	CHECK (char_length(goal_id) <= 64 AND goal_id <> '')
);

CREATE INDEX ON tandem.metric_goal (plan_id, metric_id);

CREATE INDEX ON tandem.metric_goal (plan_id, goal_id);

CREATE TABLE tandem.metric_value (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	metric_id VARCHAR(36) NOT NULL,
	period VARCHAR NOT NULL,
	actual FLOAT NOT NULL,
	note VARCHAR NOT NULL,
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, metric_id) REFERENCES tandem.metric (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(metric_id) <= 64 AND metric_id <> ''),
	CHECK (char_length(period) <= 300 AND period <> '' AND period !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND period !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (actual <> 'NaN' AND actual BETWEEN -1e+15 AND 1e+15),
	CHECK (char_length(note) <= 20000),
	CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$' AND left(period, 4)::int BETWEEN 1900 AND 2199)
);

CREATE INDEX ON tandem.metric_value (plan_id, metric_id);

CREATE TABLE tandem.review_link (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	review_id VARCHAR(36) NOT NULL,
	goal_id VARCHAR(36),
	funnel_stage_id VARCHAR(36),
	metric_id VARCHAR(36),
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, funnel_stage_id) REFERENCES tandem.funnel_stage (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, goal_id) REFERENCES tandem.goal (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, metric_id) REFERENCES tandem.metric (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, review_id) REFERENCES tandem.review (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(review_id) <= 64 AND review_id <> ''),
	CHECK (char_length(goal_id) <= 64 AND goal_id <> ''),
	CHECK (char_length(funnel_stage_id) <= 64 AND funnel_stage_id <> ''),
	CHECK (char_length(metric_id) <= 64 AND metric_id <> ''),
	CHECK (num_nonnulls(goal_id, funnel_stage_id, metric_id) = 1)
);

CREATE INDEX ON tandem.review_link (plan_id, review_id);

CREATE INDEX ON tandem.review_link (plan_id, goal_id);

CREATE INDEX ON tandem.review_link (plan_id, funnel_stage_id);

CREATE INDEX ON tandem.review_link (plan_id, metric_id);

CREATE TABLE tandem.hot_button (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	field_ride_id VARCHAR(36) NOT NULL,
	words VARCHAR NOT NULL,
	message_id VARCHAR(36),
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, field_ride_id) REFERENCES tandem.field_ride (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id, message_id) REFERENCES tandem.message (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(field_ride_id) <= 64 AND field_ride_id <> ''),
	CHECK (char_length(words) <= 20000 AND words <> '' AND words !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND words !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(message_id) <= 64 AND message_id <> '')
);

CREATE INDEX ON tandem.hot_button (plan_id, field_ride_id);

CREATE INDEX ON tandem.hot_button (plan_id, message_id);


-- Every change set committed to a plan, in order. Rows are [kind, before,
-- after], each an object of the row's stored values (or null).
CREATE TABLE tandem.change_log (
	plan_id VARCHAR(36) NOT NULL REFERENCES tandem.plans (id) ON DELETE CASCADE,
	seq BIGINT NOT NULL,
	id VARCHAR(36) NOT NULL,
	committed_at VARCHAR(32) NOT NULL,
	label VARCHAR NOT NULL,
	exact BOOLEAN NOT NULL,
	rows JSONB NOT NULL,
	author_id VARCHAR(36),
	author VARCHAR NOT NULL,
	login VARCHAR NOT NULL,
	kinds VARCHAR NOT NULL,
	-- [[change id, taken back]]: the other copy's change sets a merge took in
	seen JSONB NOT NULL DEFAULT '[]',
	-- {"lacked": [ids], "rows": [[kind, id, values or null]]}: the other copy as a merge found it
	other JSONB,
	-- [[id, committed_at, label, author_id, author, login, [[kind, id]]]]: who made what a merge took in
	merged JSONB NOT NULL DEFAULT '[]',
	PRIMARY KEY (plan_id, seq),
	UNIQUE (plan_id, id)
);

CREATE TABLE tandem.change_log_row (
	plan_id VARCHAR(36) NOT NULL,
	seq BIGINT NOT NULL,
	kind VARCHAR NOT NULL,
	row_id VARCHAR(36) NOT NULL,
	FOREIGN KEY (plan_id, seq) REFERENCES tandem.change_log (plan_id, seq) ON DELETE CASCADE
);
CREATE INDEX ON tandem.change_log_row (plan_id, seq);
CREATE INDEX ON tandem.change_log_row (plan_id, kind, row_id);

CREATE TABLE tandem.plan_version (
	plan_id VARCHAR(36) NOT NULL REFERENCES tandem.plans (id) ON DELETE CASCADE,
	id VARCHAR(36) NOT NULL,
	name VARCHAR NOT NULL,
	note VARCHAR NOT NULL,
	author VARCHAR NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	seq BIGINT NOT NULL,
	automatic BOOLEAN NOT NULL,
	PRIMARY KEY (plan_id, id)
);

-- Which PostgreSQL login is which person of a plan (tandem server grant).
CREATE TABLE tandem.member (
	plan_id VARCHAR(36) NOT NULL REFERENCES tandem.plans (id) ON DELETE CASCADE,
	login VARCHAR NOT NULL,
	person_id VARCHAR(36) NOT NULL,
	PRIMARY KEY (plan_id, login),
	FOREIGN KEY (plan_id, person_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED
);

-- The kinds of row and their tables: the functions name no other.
CREATE TABLE tandem.kinds (
	kind VARCHAR PRIMARY KEY,
	tbl VARCHAR NOT NULL
);
INSERT INTO tandem.kinds VALUES ('Plan', 'plan'), ('Person', 'person'), ('Goal', 'goal'),
	('FieldRide', 'field_ride'), ('FunnelStage', 'funnel_stage'), ('Metric', 'metric'),
	('MetricGoal', 'metric_goal'), ('MetricValue', 'metric_value'), ('Message', 'message'),
	('HotButton', 'hot_button'), ('NonWorkingDay', 'non_working_day'),
	('ParkingTopic', 'parking_topic'), ('Review', 'review'), ('ReviewLink', 'review_link'),
	('ReviewAction', 'review_action'), ('CheckIn', 'check_in');

-- Reading: a login reads the plans it is a person of, and nothing else.
CREATE FUNCTION tandem.my_plans() RETURNS SETOF VARCHAR
	LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tandem
	AS $$ SELECT plan_id FROM tandem.member WHERE login = session_user $$;

DO $$
DECLARE t text;
BEGIN
	FOR t IN SELECT tbl FROM tandem.kinds UNION ALL SELECT unnest(ARRAY['plans', 'change_log',
			'change_log_row', 'plan_version', 'member']) LOOP
		EXECUTE format('ALTER TABLE tandem.%I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY members_read ON tandem.%I FOR SELECT USING (%I IN '
		               '(SELECT tandem.my_plans()))', t, CASE WHEN t = 'plans' THEN 'id' ELSE 'plan_id' END);
	END LOOP;
END $$;

CREATE FUNCTION tandem.now_text() RETURNS VARCHAR LANGUAGE sql VOLATILE
	AS $$ SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') $$;

CREATE FUNCTION tandem.refuse(sentence text) RETURNS void LANGUAGE plpgsql
	AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'TD403', MESSAGE = sentence; END $$;

-- May a person sign off for a side: its head, or a delegate of its team.
CREATE FUNCTION tandem.may_sign(p_plan text, p_person text, p_side text) RETURNS boolean
	LANGUAGE sql STABLE SET search_path = pg_catalog, tandem AS $$
	SELECT p_person IS NOT NULL AND (
		EXISTS (SELECT 1 FROM tandem.plan WHERE plan_id = p_plan AND
		        (CASE p_side WHEN 'sales' THEN head_of_sales_id ELSE head_of_marketing_id END) = p_person)
		OR EXISTS (SELECT 1 FROM tandem.person WHERE plan_id = p_plan AND id = p_person AND delegate
		           AND NOT left_plan AND team::text = upper(p_side)))
$$;

-- A sign-off of record: the row carried it (signer, moment, wording) after a
-- change set of the log, so the server once accepted it (or its publisher
-- published it). Undo and redo may bring such a sign-off back; nobody may
-- make one up.
CREATE FUNCTION tandem.signed_of_record(p_plan text, p_kind text, p_row text, p_side text,
		p_by text, p_at text, p_wording text) RETURNS boolean
	LANGUAGE sql STABLE SET search_path = pg_catalog, tandem AS $$
	SELECT EXISTS (SELECT 1 FROM tandem.change_log_row r
		JOIN tandem.change_log l ON l.plan_id = r.plan_id AND l.seq = r.seq,
		LATERAL jsonb_array_elements(l.rows) e
		WHERE r.plan_id = p_plan AND r.kind = p_kind AND r.row_id = p_row
		  AND e->>0 = p_kind AND jsonb_typeof(e->2) = 'object' AND e->2->>'id' = p_row
		  AND (e->2->>(p_side || '_signed_by_id'), e->2->>(p_side || '_signed_at'),
		       e->2->>(p_side || '_signed_wording')) IS NOT DISTINCT FROM (p_by, p_at, p_wording))
$$;

CREATE FUNCTION tandem.side_name(p_plan text, p_side text) RETURNS text
	LANGUAGE sql STABLE SET search_path = pg_catalog, tandem AS $$
	SELECT coalesce((SELECT name || ' (head of ' || p_side || ')' FROM tandem.person WHERE plan_id = p_plan
	                 AND id = (SELECT CASE p_side WHEN 'sales' THEN head_of_sales_id ELSE head_of_marketing_id END
	                           FROM tandem.plan WHERE plan_id = p_plan)), 'the head of ' || p_side)
$$;

-- Who the calling login is in a plan: the person, their name and what they may do.
CREATE FUNCTION tandem.caller(p_plan text, OUT person_id text, OUT name text, OUT access text,
		OUT head boolean, OUT owner boolean)
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, tandem AS $$
BEGIN
	SELECT m.person_id, p.name, p.access::text INTO person_id, name, access
		FROM tandem.member m JOIN tandem.person p ON p.plan_id = m.plan_id AND p.id = m.person_id
		WHERE m.plan_id = p_plan AND m.login = session_user;
	head := person_id IS NOT NULL AND EXISTS (SELECT 1 FROM tandem.plan WHERE plan_id = p_plan
		AND person_id IN (head_of_sales_id, head_of_marketing_id));
	owner := pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'tandem'), 'MEMBER');
END $$;

-- The rules a login's person obeys, checked on the rows as they are now
-- (before the change) against what the change makes them.
CREATE FUNCTION tandem.check_roles(p_plan text, p_rows jsonb, p_exact boolean, p_person text,
		p_name text, p_head boolean)
	RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, tandem AS $$
DECLARE
	e jsonb; k text; cur jsonb; aft jsonb; side text; other text; tbl text; rid text;
	c_by text; a_by text; wording_same boolean; you text;
BEGIN
	you := 'you are ' || p_name;
	FOR e IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
		k := e->>0;
		aft := CASE WHEN jsonb_typeof(e->2) = 'object' THEN e->2 END;
		rid := coalesce(CASE WHEN jsonb_typeof(e->1) = 'object' THEN e->1->>'id' END, aft->>'id');
		IF k NOT IN ('Goal', 'Message', 'Person', 'Plan') THEN CONTINUE; END IF;
		tbl := (SELECT kinds.tbl FROM tandem.kinds WHERE kind = k);
		EXECUTE format('SELECT to_jsonb(t) FROM tandem.%I t WHERE plan_id = $1 AND id = $2', tbl)
			INTO cur USING p_plan, rid;
		IF k IN ('Goal', 'Message') THEN
			wording_same := cur IS NOT NULL AND aft IS NOT NULL AND (CASE k
				WHEN 'Goal' THEN (cur->>'title', cur->>'description', cur->>'success_measure', cur->>'due_date')
					IS NOT DISTINCT FROM (aft->>'title', aft->>'description', aft->>'success_measure', aft->>'due_date')
				ELSE (cur->>'customer_problem', cur->>'value_message', cur->>'proof_point')
					IS NOT DISTINCT FROM (aft->>'customer_problem', aft->>'value_message', aft->>'proof_point') END);
			FOREACH side IN ARRAY ARRAY['sales', 'marketing'] LOOP
				other := CASE side WHEN 'sales' THEN 'marketing' ELSE 'sales' END;
				c_by := cur->>(side || '_signed_by_id');
				a_by := aft->>(side || '_signed_by_id');
				IF aft IS NOT NULL AND (a_by IS NOT NULL OR aft->>(side || '_signed_at') IS NOT NULL)
				   AND (cur IS NULL OR (cur->>(side || '_signed_by_id'), cur->>(side || '_signed_at'),
				        cur->>(side || '_signed_wording')) IS DISTINCT FROM (a_by,
				        aft->>(side || '_signed_at'), aft->>(side || '_signed_wording')))
				   AND NOT (p_exact AND tandem.signed_of_record(p_plan, k, rid, side, a_by,
				        aft->>(side || '_signed_at'), aft->>(side || '_signed_wording'))) THEN
					IF NOT tandem.may_sign(p_plan, p_person, side) THEN
						PERFORM tandem.refuse('Only ' || tandem.side_name(p_plan, side) || ' or a delegate for '
							|| side || ' can sign off for ' || side || '; ' || you || '.');
					END IF;
					IF a_by IS DISTINCT FROM p_person AND NOT (p_exact AND tandem.may_sign(p_plan, a_by, side)) THEN
						PERFORM tandem.refuse('A sign-off is made in the signer''s own name; ' || you || '.');
					END IF;
				ELSIF cur IS NOT NULL AND cur->>(side || '_signed_at') IS NOT NULL AND aft IS NOT NULL
				      AND aft->>(side || '_signed_at') IS NULL AND wording_same
				      AND aft->>(other || '_signed_at') IS NOT NULL
				      AND NOT tandem.may_sign(p_plan, p_person, side) THEN
					PERFORM tandem.refuse('Only ' || tandem.side_name(p_plan, side) || ' or a delegate for '
						|| side || ' can withdraw the sign-off for ' || side || '; ' || you || '.');
				END IF;
			END LOOP;
		ELSIF k = 'Person' THEN
			IF ((cur IS NULL AND aft IS NOT NULL AND aft->>'access' <> 'EDITOR')
			    OR (cur IS NOT NULL AND aft IS NOT NULL AND cur->>'access' <> aft->>'access')
			    OR (cur IS NOT NULL AND aft IS NULL AND EXISTS (SELECT 1 FROM tandem.plan WHERE plan_id = p_plan
			        AND cur->>'id' IN (head_of_sales_id, head_of_marketing_id))))
			   AND NOT p_head THEN
				PERFORM tandem.refuse('Only the heads of sales and marketing change who may do what in '
					'the plan; ' || you || '.');
			END IF;
			IF coalesce((aft->>'delegate')::boolean, false) IS DISTINCT FROM coalesce((cur->>'delegate')::boolean, false)
			   AND aft IS NOT NULL THEN
				side := lower(aft->>'team');
				IF side NOT IN ('sales', 'marketing') OR NOT EXISTS (SELECT 1 FROM tandem.plan WHERE plan_id = p_plan
				   AND (CASE side WHEN 'sales' THEN head_of_sales_id ELSE head_of_marketing_id END) = p_person) THEN
					PERFORM tandem.refuse('Only the head of a team names who signs in their stead; ' || you || '.');
				END IF;
			END IF;
		ELSIF k = 'Plan' THEN
			IF cur IS NULL OR aft IS NULL THEN
				PERFORM tandem.refuse('A plan on the server is published or removed as a whole, not by a change.');
			END IF;
			IF ((cur->>'head_of_sales_id' IS NOT NULL AND cur->>'head_of_sales_id' IS DISTINCT FROM aft->>'head_of_sales_id')
			    OR (cur->>'head_of_marketing_id' IS NOT NULL
			        AND cur->>'head_of_marketing_id' IS DISTINCT FROM aft->>'head_of_marketing_id'))
			   AND NOT p_head THEN
				PERFORM tandem.refuse('Only the heads of sales and marketing change who heads a side; ' || you || '.');
			END IF;
		END IF;
	END LOOP;
END $$;

-- The one writer of a plan's rows: one change set, in one transaction.
-- p_base is the place in the history the change was prepared at: a row it
-- names that a later change set wrote refuses it (TD409, with who and when),
-- never an update lost.
CREATE FUNCTION tandem.commit(p_plan text, p_base bigint, p_change jsonb) RETURNS jsonb
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tandem AS $$
DECLARE
	me record; head_now bigint; new_seq bigint; k text; tbl text; bad record; at text;
	rows jsonb := p_change->'rows'; kinds text;
BEGIN
	SELECT * INTO me FROM tandem.caller(p_plan);
	SELECT head INTO head_now FROM tandem.plans WHERE id = p_plan FOR UPDATE;
	IF NOT FOUND THEN
		PERFORM tandem.refuse('This plan is not on the server (it may have been removed).');
	END IF;
	IF me.person_id IS NULL AND NOT me.owner THEN
		PERFORM tandem.refuse('The login ' || session_user || ' is not one of this plan''s people.');
	END IF;
	IF me.access = 'VIEWER' AND NOT me.head THEN
		PERFORM tandem.refuse('Viewers change nothing in the plan; you are ' || me.name || ' (viewer).');
	END IF;
	IF jsonb_typeof(rows) IS DISTINCT FROM 'array' THEN
		PERFORM tandem.refuse('A change set without rows was sent.');
	END IF;
	-- Every row names a known kind and one id.
	SELECT e->>0 AS kind, coalesce(e->1->>'id', e->2->>'id') AS id INTO bad
		FROM jsonb_array_elements(rows) e
		WHERE jsonb_typeof(e) <> 'array' OR e->>0 NOT IN (SELECT kind FROM tandem.kinds)
		   OR (jsonb_typeof(e->1) = 'object' AND jsonb_typeof(e->2) = 'object' AND e->1->>'id' <> e->2->>'id')
		   OR coalesce(e->1->>'id', e->2->>'id') IS NULL
		LIMIT 1;
	IF FOUND THEN
		PERFORM tandem.refuse('A change set named a row the plan cannot hold (' || coalesce(bad.kind, '?') || ').');
	END IF;
	-- Still as it was: each row as the change set found it at p_base.
	FOR k IN SELECT DISTINCT e->>0 FROM jsonb_array_elements(rows) e LOOP
		tbl := (SELECT kinds.tbl FROM tandem.kinds WHERE kind = k);
		EXECUTE format($q$
			SELECT c.id, t.seq FROM (SELECT coalesce(e->1->>'id', e->2->>'id') AS id,
			                                jsonb_typeof(e->1) = 'object' AS was
			                         FROM jsonb_array_elements($1) e WHERE e->>0 = $2) c
			LEFT JOIN tandem.%I t ON t.plan_id = $3 AND t.id = c.id
			WHERE (c.was AND (t.seq IS NULL OR t.seq > $4)) OR (NOT c.was AND t.seq IS NOT NULL)
			LIMIT 1 $q$, tbl) INTO bad USING rows, k, p_plan, p_base;
		IF bad.id IS NOT NULL THEN
			RAISE EXCEPTION USING ERRCODE = 'TD409', MESSAGE = 'changed since',
				DETAIL = jsonb_build_object('kind', k, 'id', bad.id, 'seq', bad.seq,
					'author', (SELECT author FROM tandem.change_log WHERE plan_id = p_plan AND seq = bad.seq))::text;
		END IF;
		-- The history records each row as it was: a change set's "before" is the row held.
		EXECUTE format($q$
			SELECT e->1->>'id' AS id FROM jsonb_array_elements($1) e
			JOIN tandem.%I t ON t.plan_id = $3 AND t.id = e->1->>'id'
			WHERE e->>0 = $2 AND jsonb_typeof(e->1) = 'object'
			  AND jsonb_populate_record(t, e->1 || jsonb_build_object('plan_id', $3, 'seq', t.seq))
			      IS DISTINCT FROM t
			LIMIT 1 $q$, tbl) INTO bad USING rows, k, p_plan;
		IF bad.id IS NOT NULL THEN
			PERFORM tandem.refuse('A change set described ' || k || ' ' || left(bad.id, 36)
				|| ' otherwise than the plan holds it; nothing was written.');
		END IF;
	END LOOP;
	IF NOT me.owner OR me.person_id IS NOT NULL THEN
		PERFORM tandem.check_roles(p_plan, rows, coalesce((p_change->>'exact')::boolean, false),
		                           me.person_id, me.name, me.head);
	END IF;
	new_seq := head_now + 1;
	at := tandem.now_text();
	FOR k IN SELECT DISTINCT e->>0 FROM jsonb_array_elements(rows) e LOOP
		tbl := (SELECT kinds.tbl FROM tandem.kinds WHERE kind = k);
		EXECUTE format($q$DELETE FROM tandem.%I t WHERE t.plan_id = $1 AND t.id IN (
			SELECT e->1->>'id' FROM jsonb_array_elements($2) e WHERE e->>0 = $3 AND jsonb_typeof(e->1) = 'object')$q$,
			tbl) USING p_plan, rows, k;
		EXECUTE format($q$INSERT INTO tandem.%I SELECT (jsonb_populate_record(NULL::tandem.%I,
			e->2 || jsonb_build_object('plan_id', $1, 'seq', $2))).*
			FROM jsonb_array_elements($3) e WHERE e->>0 = $4 AND jsonb_typeof(e->2) = 'object'$q$,
			tbl, tbl) USING p_plan, new_seq, rows, k;
	END LOOP;
	SELECT coalesce(string_agg(DISTINCT e->>0, ',' ORDER BY e->>0), '-') INTO kinds FROM jsonb_array_elements(rows) e;
	INSERT INTO tandem.change_log (plan_id, seq, id, committed_at, label, exact, rows, author_id, author,
	                               login, kinds, seen, other, merged)
		VALUES (p_plan, new_seq, p_change->>'id', at, p_change->>'label',
		        coalesce((p_change->>'exact')::boolean, false), rows, me.person_id,
		        coalesce(me.name, session_user), session_user, kinds,
		        coalesce(p_change->'seen', '[]'), p_change->'other', coalesce(p_change->'merged', '[]'));
	INSERT INTO tandem.change_log_row (plan_id, seq, kind, row_id)
		SELECT p_plan, new_seq, e->>0, coalesce(e->1->>'id', e->2->>'id') FROM jsonb_array_elements(rows) e;
	IF jsonb_typeof(p_change->'bookmark') = 'object' THEN
		INSERT INTO tandem.plan_version VALUES (p_plan, p_change->'bookmark'->>'id',
			left(p_change->'bookmark'->>'name', 300), '', 'Tandem', at, head_now, true);
	END IF;
	IF p_change->>'unbookmark' IS NOT NULL THEN
		DELETE FROM tandem.plan_version WHERE plan_id = p_plan AND id = p_change->>'unbookmark' AND automatic;
	END IF;
	UPDATE tandem.plans SET head = new_seq WHERE id = p_plan;
	IF jsonb_typeof(p_change->'bookmark') = 'object' OR p_change->>'unbookmark' IS NOT NULL THEN
		PERFORM pg_notify('tandem', p_plan || ' v');
	END IF;
	PERFORM pg_notify('tandem', p_plan || ' ' || new_seq);
	RETURN jsonb_build_object('seq', new_seq, 'at', at, 'author_id', me.person_id,
	                          'author', coalesce(me.name, session_user), 'login', session_user);
END $$;

-- A named version of the plan as it stands (or the version's removal).
CREATE FUNCTION tandem.save_version(p_plan text, p_id text, p_name text, p_note text) RETURNS jsonb
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tandem AS $$
DECLARE me record; head_now bigint; at text := tandem.now_text();
BEGIN
	SELECT * INTO me FROM tandem.caller(p_plan);
	SELECT head INTO head_now FROM tandem.plans WHERE id = p_plan FOR UPDATE;
	IF NOT FOUND OR (me.person_id IS NULL AND NOT me.owner) THEN
		PERFORM tandem.refuse('The login ' || session_user || ' is not one of this plan''s people.');
	END IF;
	IF me.access = 'VIEWER' AND NOT me.head THEN
		PERFORM tandem.refuse('Viewers change nothing in the plan; you are ' || me.name || ' (viewer).');
	END IF;
	INSERT INTO tandem.plan_version VALUES (p_plan, p_id, p_name, p_note,
		coalesce(me.name, session_user), at, head_now, false);
	PERFORM pg_notify('tandem', p_plan || ' v');
	RETURN jsonb_build_object('seq', head_now, 'at', at, 'author', coalesce(me.name, session_user));
END $$;

CREATE FUNCTION tandem.delete_version(p_plan text, p_id text) RETURNS void
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tandem AS $$
DECLARE me record;
BEGIN
	SELECT * INTO me FROM tandem.caller(p_plan);
	IF (me.person_id IS NULL AND NOT me.owner) OR (me.access = 'VIEWER' AND NOT me.head) THEN
		PERFORM tandem.refuse('Only the plan''s editors remove its versions.');
	END IF;
	DELETE FROM tandem.plan_version WHERE plan_id = p_plan AND id = p_id;
	PERFORM pg_notify('tandem', p_plan || ' v');
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tandem FROM PUBLIC;
