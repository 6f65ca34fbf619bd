-- Schema version 13 of a Tandem plan file: one language end to end. The
-- language the plan's PDF is written in (DEFAULT: the exporter's own) and the
-- currency its amounts are printed in (NONE: plain numbers).
-- Released: never edit; add a new step.

ALTER TABLE plan ADD COLUMN language VARCHAR(7) DEFAULT 'DEFAULT' NOT NULL;
ALTER TABLE plan ADD COLUMN currency VARCHAR(4) DEFAULT 'NONE' NOT NULL;
