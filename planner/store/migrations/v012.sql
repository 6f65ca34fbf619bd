-- Schema version 12 of a Tandem plan file: the handoff measured from the CRM.
-- A funnel stage's handoff promise becomes a value (an amount and its clock:
-- hours, working hours or working days) beside the sentence it was written
-- as; a metric may be computed from the CRM's data (and is then read-only).
-- Each CRM export taken in is a row of crm_import (which CRM, leads or deals,
-- the file, its counts, the mapping it was read by, who took it in); its rows
-- are kept as columns in crm_data, one blob an import, outside the history:
-- undoing an import removes its crm_import row, and a blob whose import is
-- gone is no longer the plan's (it stays, so the import can be redone).
-- Released: never edit; add a new step.

ALTER TABLE funnel_stage ADD COLUMN sla_amount FLOAT;
ALTER TABLE funnel_stage ADD COLUMN sla_clock VARCHAR(13);
ALTER TABLE metric ADD COLUMN computed VARCHAR DEFAULT '' NOT NULL;

CREATE TABLE crm_import (
	id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	crm VARCHAR NOT NULL, 
	holds VARCHAR(4) NOT NULL, 
	file_name VARCHAR NOT NULL, 
	rows INTEGER NOT NULL, 
	unread INTEGER NOT NULL, 
	mapping VARCHAR NOT NULL, 
	imported_by_id VARCHAR(36), 
	PRIMARY KEY (id), 
	FOREIGN KEY(imported_by_id) REFERENCES person (id) ON DELETE SET NULL
);

CREATE INDEX ix_crm_import_imported_by_id ON crm_import (imported_by_id);

CREATE TABLE crm_data (
	import_id VARCHAR(36) NOT NULL, 
	data BLOB NOT NULL, 
	PRIMARY KEY (import_id)
)
