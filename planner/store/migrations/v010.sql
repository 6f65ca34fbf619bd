-- Schema version 10 of a Tandem plan file: who is who. Each person has what
-- they may do in the plan (editor, viewer or facilitator; the plan names its
-- two heads) and whether their head named them to sign off in the head's
-- stead. Every change set records its author (the person, or a guest's
-- name, and the computer's login); change sets from before are by nobody
-- known (an empty name). Each also records the kinds of row it touched. A
-- merge keeps the authors of the other copy's change sets it brought in,
-- with the rows each of them touched.
-- Released: never edit; add a new step.

ALTER TABLE person ADD COLUMN access VARCHAR(11) DEFAULT 'EDITOR' NOT NULL;
ALTER TABLE person ADD COLUMN delegate BOOLEAN DEFAULT '0' NOT NULL;

ALTER TABLE change_log ADD COLUMN author_id VARCHAR(36);
ALTER TABLE change_log ADD COLUMN author VARCHAR DEFAULT '' NOT NULL;
ALTER TABLE change_log ADD COLUMN login VARCHAR DEFAULT '' NOT NULL;
-- The kinds of row each change set touched, so the history lists its sections
-- without reading the index of touched rows ("-": none).
ALTER TABLE change_log ADD COLUMN kinds VARCHAR DEFAULT '' NOT NULL;
UPDATE change_log SET kinds = coalesce((SELECT group_concat(kind) FROM (
    SELECT DISTINCT kind FROM change_log_row WHERE change_id = change_log.id ORDER BY kind)), '-');

CREATE TABLE change_merged (
	change_id VARCHAR(36) NOT NULL, 
	id VARCHAR(36) NOT NULL, 
	committed_at VARCHAR(32) NOT NULL, 
	label VARCHAR NOT NULL, 
	author_id VARCHAR(36), 
	author VARCHAR NOT NULL, 
	login VARCHAR NOT NULL, 
	rows BLOB NOT NULL, 
	PRIMARY KEY (change_id, id), 
	FOREIGN KEY(change_id) REFERENCES change_log (id) ON DELETE CASCADE
)
