-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_with_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';

CREATE TABLE public.accounts (
    id integer NOT NULL,
    email public.citext NOT NULL,
    CONSTRAINT accounts_email_key UNIQUE (email),
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.accounts deletes its rows
DROP TABLE public.accounts;

-- hazard data-loss: dropping extension citext drops the objects it owns
DROP EXTENSION citext;

