-- Schema version 8 of a Tandem plan file: messages as the library both sides
-- write and approve (segment, funnel stage, source review, owner; each side's
-- approval records who, when and the wording it approved, as goals' sign-offs
-- do), reviews linked to goals, stages and metrics with action items, and a
-- review's blameless flag the writer can dismiss.
-- Released: never edit; add a new step.

ALTER TABLE message ADD COLUMN segment VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE message ADD COLUMN funnel_stage_id VARCHAR(36) REFERENCES funnel_stage (id) ON DELETE SET NULL;
ALTER TABLE message ADD COLUMN review_id VARCHAR(36) REFERENCES review (id) ON DELETE SET NULL;
ALTER TABLE message ADD COLUMN owner_id VARCHAR(36) REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE message ADD COLUMN sales_signed_by_id VARCHAR(36) REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE message ADD COLUMN sales_signed_at VARCHAR(32);
ALTER TABLE message ADD COLUMN sales_signed_wording VARCHAR;
ALTER TABLE message ADD COLUMN marketing_signed_by_id VARCHAR(36) REFERENCES person (id) ON DELETE SET NULL;
ALTER TABLE message ADD COLUMN marketing_signed_at VARCHAR(32);
ALTER TABLE message ADD COLUMN marketing_signed_wording VARCHAR;

-- An approval given before this version was of the message as it reads now.
UPDATE message SET sales_signed_at = updated_at,
    sales_signed_wording = json_array(customer_problem, value_message, proof_point)
WHERE approved_by_sales;
UPDATE message SET marketing_signed_at = updated_at,
    marketing_signed_wording = json_array(customer_problem, value_message, proof_point)
WHERE approved_by_marketing;

ALTER TABLE message DROP COLUMN approved_by_sales;
ALTER TABLE message DROP COLUMN approved_by_marketing;

CREATE INDEX ix_message_funnel_stage_id ON message (funnel_stage_id);
CREATE INDEX ix_message_review_id ON message (review_id);
CREATE INDEX ix_message_owner_id ON message (owner_id);
CREATE INDEX ix_message_sales_signed_by_id ON message (sales_signed_by_id);
CREATE INDEX ix_message_marketing_signed_by_id ON message (marketing_signed_by_id);

ALTER TABLE review ADD COLUMN blame_flag_dismissed BOOLEAN DEFAULT '0' NOT NULL;

CREATE TABLE review_link (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	review_id VARCHAR(36) NOT NULL, 
	goal_id VARCHAR(36), 
	funnel_stage_id VARCHAR(36), 
	metric_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE, 
	FOREIGN KEY(goal_id) REFERENCES goal (id) ON DELETE CASCADE, 
	FOREIGN KEY(funnel_stage_id) REFERENCES funnel_stage (id) ON DELETE CASCADE, 
	FOREIGN KEY(metric_id) REFERENCES metric (id) ON DELETE CASCADE
);

CREATE INDEX ix_review_link_review_id ON review_link (review_id);
CREATE INDEX ix_review_link_goal_id ON review_link (goal_id);
CREATE INDEX ix_review_link_funnel_stage_id ON review_link (funnel_stage_id);
CREATE INDEX ix_review_link_metric_id ON review_link (metric_id);

CREATE TABLE review_action (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	review_id VARCHAR(36) NOT NULL, 
	action VARCHAR NOT NULL, 
	owner_id VARCHAR(36), 
	due_date DATE, 
	done BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(review_id) REFERENCES review (id) ON DELETE CASCADE, 
	FOREIGN KEY(owner_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_review_action_review_id ON review_action (review_id);
CREATE INDEX ix_review_action_owner_id ON review_action (owner_id)
