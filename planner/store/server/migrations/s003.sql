-- Server schema version 3 of Tandem: a CRM import's rows on the server, so a
-- plan on the team server takes CRM exports in as a plan file does. The rows
-- are the import's packed columns (the bytes a plan file keeps in crm_data);
-- they are kept after an undo takes the import out, for the redo.
-- Released: never edit; add a new step.

CREATE TABLE tandem.crm_data (
	plan_id VARCHAR(36) NOT NULL,
	import_id VARCHAR(36) NOT NULL,
	data BYTEA NOT NULL,
	PRIMARY KEY (plan_id, import_id),
	FOREIGN KEY (plan_id) REFERENCES tandem.plans (id) ON DELETE CASCADE,
	CHECK (char_length(import_id) <= 64 AND import_id <> ''),
	CHECK (octet_length(data) BETWEEN 1 AND 1073741823)
);

ALTER TABLE tandem.crm_data ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON tandem.crm_data FOR SELECT USING (plan_id IN (SELECT tandem.my_plans()));

-- A change set that takes an export in, with the import's rows, in one
-- transaction: the rows only of an import the change set adds.
CREATE FUNCTION tandem.commit_attached(p_plan text, p_base bigint, p_change jsonb,
                                       p_imports text[], p_data bytea[]) RETURNS jsonb
	LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tandem AS $$
DECLARE done jsonb; n int;
BEGIN
	IF coalesce(array_length(p_imports, 1), 0) <> coalesce(array_length(p_data, 1), 0) THEN
		PERFORM tandem.refuse('A change set sent CRM rows without saying whose they are.');
	END IF;
	FOR n IN 1 .. coalesce(array_length(p_imports, 1), 0) LOOP
		IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(p_change->'rows') e
		               WHERE e->>0 = 'CrmImport' AND jsonb_typeof(e->2) = 'object'
		                 AND e->2->>'id' = p_imports[n]) THEN
			PERFORM tandem.refuse('A change set sent CRM rows for no CRM import it makes; '
			                      'nothing was written.');
		END IF;
	END LOOP;
	done := tandem.commit(p_plan, p_base, p_change);
	INSERT INTO tandem.crm_data (plan_id, import_id, data)
		SELECT p_plan, i, d FROM unnest(p_imports, p_data) AS u(i, d)
		ON CONFLICT (plan_id, import_id) DO NOTHING;  -- a redo: the same rows, kept
	RETURN done;
END $$;

REVOKE ALL ON FUNCTION tandem.commit_attached(text, bigint, jsonb, text[], bytea[]) FROM PUBLIC;

-- Logins granted a plan before: what `tandem server grant` now grants them
-- (schema 2 forgot crm_import's table for them, and this step adds two more).
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT DISTINCT login FROM tandem.member
	         WHERE login IN (SELECT rolname FROM pg_roles) LOOP
		EXECUTE format('GRANT SELECT ON tandem.crm_import, tandem.crm_data TO %I', r.login);
		EXECUTE format('GRANT EXECUTE ON FUNCTION tandem.commit_attached(text, bigint, jsonb, '
		               'text[], bytea[]) TO %I', r.login);
	END LOOP;
END $$;
