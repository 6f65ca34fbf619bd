-- Server schema version 4 of Tandem: one language end to end (plan format
-- 13). A plan's language (of its PDF) and its currency.
-- The tables' part is written from the SQLModel declaration
-- (`python -m planner.store.server.declared`); a test compares it.
-- Released: never edit; add a new step.

CREATE TYPE tandem.currency AS ENUM ('NONE', 'EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'CAD', 'AUD', 'NZD', 'JPY', 'CNY', 'INR', 'SGD', 'HKD', 'BRL', 'MXN', 'ZAR', 'AED', 'ILS', 'TRY', 'KRW');

CREATE TYPE tandem.language AS ENUM ('DEFAULT', 'EN', 'DE');

ALTER TABLE tandem.plan ADD COLUMN language tandem.language DEFAULT 'DEFAULT' NOT NULL;

ALTER TABLE tandem.plan ADD COLUMN currency tandem.currency DEFAULT 'NONE' NOT NULL;

