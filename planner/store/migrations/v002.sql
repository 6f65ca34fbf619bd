-- Schema version 2 of a Tandem plan file: field-ride targets, working days,
-- debrief parts and hot buttons. Released: never edit; add a new step.

ALTER TABLE "plan" ADD COLUMN exclude_weekends BOOLEAN DEFAULT '1' NOT NULL;
ALTER TABLE "plan" ADD COLUMN marketing_days_per_quarter INTEGER;
ALTER TABLE "plan" ADD COLUMN sales_days_per_half INTEGER;
ALTER TABLE "plan" ADD COLUMN max_direction_ratio FLOAT;

ALTER TABLE field_ride ADD COLUMN customers_asked VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE field_ride ADD COLUMN marketing_changes VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE field_ride ADD COLUMN sales_changes VARCHAR DEFAULT '' NOT NULL;

CREATE TABLE hot_button (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	field_ride_id VARCHAR(36) NOT NULL, 
	words VARCHAR NOT NULL, 
	message_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(field_ride_id) REFERENCES field_ride (id) ON DELETE CASCADE, 
	FOREIGN KEY(message_id) REFERENCES message (id) ON DELETE SET NULL
);

CREATE INDEX ix_hot_button_field_ride_id ON hot_button (field_ride_id);

CREATE INDEX ix_hot_button_message_id ON hot_button (message_id);

CREATE TABLE non_working_day (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	day DATE NOT NULL, 
	occasion VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (day)
);
