-- Schema version 1 of a Tandem plan file. Released: never edit; add a new step.

CREATE TABLE person (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	name VARCHAR NOT NULL, 
	team VARCHAR(9) NOT NULL, 
	role VARCHAR NOT NULL, 
	territory VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE funnel_stage (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	name VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	engaged_team VARCHAR(9) NOT NULL, 
	entry_definition VARCHAR NOT NULL, 
	handoff_service_level VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE goal (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	title VARCHAR NOT NULL, 
	description VARCHAR NOT NULL, 
	success_measure VARCHAR NOT NULL, 
	due_date DATE, 
	status VARCHAR(8) NOT NULL, 
	proposed_by VARCHAR(9) NOT NULL, 
	sales_owner_id VARCHAR(36), 
	marketing_owner_id VARCHAR(36), 
	sales_signed_by_id VARCHAR(36), 
	sales_signed_at VARCHAR(32), 
	marketing_signed_by_id VARCHAR(36), 
	marketing_signed_at VARCHAR(32), 
	shared_reward VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(sales_owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(marketing_owner_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(sales_signed_by_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(marketing_signed_by_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_goal_marketing_owner_id ON goal (marketing_owner_id);

CREATE INDEX ix_goal_marketing_signed_by_id ON goal (marketing_signed_by_id);

CREATE INDEX ix_goal_sales_owner_id ON goal (sales_owner_id);

CREATE INDEX ix_goal_sales_signed_by_id ON goal (sales_signed_by_id);

CREATE TABLE field_ride (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	direction VARCHAR(20) NOT NULL, 
	visitor_id VARCHAR(36), 
	host_id VARCHAR(36), 
	first_day DATE NOT NULL, 
	last_day DATE NOT NULL, 
	territory VARCHAR NOT NULL, 
	accounts VARCHAR NOT NULL, 
	objective VARCHAR NOT NULL, 
	status VARCHAR(9) NOT NULL, 
	debrief VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(visitor_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(host_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_field_ride_host_id ON field_ride (host_id);

CREATE INDEX ix_field_ride_visitor_id ON field_ride (visitor_id);

CREATE TABLE metric (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	name VARCHAR NOT NULL, 
	definition VARCHAR NOT NULL, 
	unit VARCHAR NOT NULL, 
	direction VARCHAR(16) NOT NULL, 
	funnel_stage_id VARCHAR(36), 
	baseline FLOAT, 
	target FLOAT, 
	cadence VARCHAR(9) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(funnel_stage_id) REFERENCES funnel_stage (id) ON DELETE SET NULL
);

CREATE INDEX ix_metric_funnel_stage_id ON metric (funnel_stage_id);

CREATE TABLE metric_goal (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	metric_id VARCHAR(36) NOT NULL, 
	goal_id VARCHAR(36) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(metric_id) REFERENCES metric (id) ON DELETE CASCADE, 
	FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE
);

CREATE INDEX ix_metric_goal_goal_id ON metric_goal (goal_id);

CREATE INDEX ix_metric_goal_metric_id ON metric_goal (metric_id);

CREATE TABLE metric_value (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	metric_id VARCHAR(36) NOT NULL, 
	period VARCHAR NOT NULL, 
	actual FLOAT NOT NULL, 
	note VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(metric_id) REFERENCES metric (id) ON DELETE CASCADE
);

CREATE INDEX ix_metric_value_metric_id ON metric_value (metric_id);

CREATE TABLE message (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	customer_problem VARCHAR NOT NULL, 
	value_message VARCHAR NOT NULL, 
	proof_point VARCHAR NOT NULL, 
	source VARCHAR NOT NULL, 
	field_ride_id VARCHAR(36), 
	approved_by_sales BOOLEAN NOT NULL, 
	approved_by_marketing BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(field_ride_id) REFERENCES field_ride (id) ON DELETE SET NULL
);

CREATE INDEX ix_message_field_ride_id ON message (field_ride_id);

CREATE TABLE review (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	held_on DATE NOT NULL, 
	what_happened VARCHAR NOT NULL, 
	what_we_learned VARCHAR NOT NULL, 
	what_we_change VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);

CREATE TABLE "plan" (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	title VARCHAR NOT NULL, 
	company VARCHAR NOT NULL, 
	period_start DATE NOT NULL, 
	period_end DATE NOT NULL, 
	purpose VARCHAR NOT NULL, 
	status VARCHAR(6) NOT NULL, 
	head_of_sales_id VARCHAR(36), 
	head_of_marketing_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(head_of_sales_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(head_of_marketing_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_plan_head_of_marketing_id ON "plan" (head_of_marketing_id);

CREATE INDEX ix_plan_head_of_sales_id ON "plan" (head_of_sales_id);
