-- Schema version 5 of a Tandem plan file: each side's sign-off records the
-- wording it signed, and people who left the plan stay on record.
-- Released: never edit; add a new step.

ALTER TABLE person ADD COLUMN left_plan BOOLEAN DEFAULT '0' NOT NULL;

ALTER TABLE goal ADD COLUMN sales_signed_wording VARCHAR;
ALTER TABLE goal ADD COLUMN marketing_signed_wording VARCHAR;

-- Sign-offs made before this version were of the wording the goal has now
-- (every change of wording withdrew them): record that wording.
UPDATE goal SET sales_signed_wording = json_array(title, description, success_measure, due_date)
WHERE sales_signed_at IS NOT NULL;
UPDATE goal SET marketing_signed_wording = json_array(title, description, success_measure, due_date)
WHERE marketing_signed_at IS NOT NULL
