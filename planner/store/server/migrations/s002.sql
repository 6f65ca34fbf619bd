-- Server schema version 2 of Tandem: the handoff measured from the CRM
-- (plan format 12). A funnel stage's promise as a value, a metric computed
-- from the CRM's data, and the CRM imports a plan took in (their rows stay
-- in plan files for now: a server plan does not take a CRM export yet).
-- The tables' part is written from the SQLModel declaration
-- (`python -m planner.store.server.declared`); a test compares it.
-- Released: never edit; add a new step.

CREATE TYPE tandem.crmkind AS ENUM ('LEAD', 'DEAL');

CREATE TYPE tandem.serviceclock AS ENUM ('HOURS', 'WORKING_HOURS', 'WORKING_DAYS');

ALTER TABLE tandem.funnel_stage ADD COLUMN sla_amount FLOAT;

ALTER TABLE tandem.funnel_stage ADD CHECK (sla_amount <> 'NaN' AND sla_amount BETWEEN -1e+15 AND 1e+15 AND sla_amount > 0 AND sla_amount <= 10000);

ALTER TABLE tandem.funnel_stage ADD COLUMN sla_clock tandem.serviceclock;

CREATE TABLE tandem.crm_import (
	plan_id VARCHAR(36) NOT NULL,
	id VARCHAR(36) NOT NULL,
	created_at VARCHAR(32) NOT NULL,
	updated_at VARCHAR(32) NOT NULL,
	crm VARCHAR NOT NULL,
	holds tandem.crmkind NOT NULL,
	file_name VARCHAR NOT NULL,
	rows INTEGER NOT NULL,
	unread INTEGER NOT NULL,
	mapping VARCHAR NOT NULL,
	imported_by_id VARCHAR(36),
	seq BIGINT NOT NULL,
	PRIMARY KEY (plan_id, id),
	FOREIGN KEY (plan_id, imported_by_id) REFERENCES tandem.person (plan_id, id) DEFERRABLE INITIALLY DEFERRED,
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(id) <= 64 AND id <> ''),
	CHECK (tandem.is_time(created_at)),
	CHECK (tandem.is_time(updated_at)),
	CHECK (char_length(crm) <= 300 AND crm <> '' AND crm !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND crm !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (char_length(file_name) <= 300 AND file_name <> '' AND file_name !~ '^[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]' AND file_name !~ '[\u0009\u000a\u000b\u000c\u000d\u001c\u001d\u001e\u001f\u0020\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000]$'),
	CHECK (rows BETWEEN -1e+09 AND 1e+09 AND rows >= 0 AND rows <= 2e+06),
	CHECK (unread BETWEEN -1e+09 AND 1e+09 AND unread >= 0),
	CHECK (char_length(mapping) <= 20000),
	CHECK (char_length(imported_by_id) <= 64 AND imported_by_id <> '')
);

CREATE INDEX ON tandem.crm_import (plan_id, imported_by_id);

ALTER TABLE tandem.metric ADD COLUMN computed VARCHAR DEFAULT '' NOT NULL;

ALTER TABLE tandem.metric ADD CHECK (char_length(computed) <= 300);

INSERT INTO tandem.kinds VALUES ('CrmImport', 'crm_import');

ALTER TABLE tandem.crm_import ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.crm_import FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));
