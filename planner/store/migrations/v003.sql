-- Schema version 3 of a Tandem plan file: the funnel in both directions,
-- working back from revenue, and who reports each metric.
-- Released: never edit; add a new step.

ALTER TABLE "plan" ADD COLUMN revenue_target FLOAT;
ALTER TABLE "plan" ADD COLUMN average_deal_size FLOAT;
ALTER TABLE "plan" ADD COLUMN shared_rewards BOOLEAN DEFAULT '1' NOT NULL;

ALTER TABLE funnel_stage ADD COLUMN return_service_level VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE funnel_stage ADD COLUMN send_back_reasons VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE funnel_stage ADD COLUMN conversion_rate FLOAT;

ALTER TABLE metric ADD COLUMN reported_by VARCHAR(9) DEFAULT 'BOTH' NOT NULL;
