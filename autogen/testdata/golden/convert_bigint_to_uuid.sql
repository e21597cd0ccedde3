-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_bigint_to_uuid
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): column public.accounts.ext_id is dropped and added again, deleting its data: PostgreSQL has no cast from bigint to uuid (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.accounts DROP COLUMN ext_id;

ALTER TABLE public.accounts ADD COLUMN ext_id uuid;

-- migrate:downgrade
-- hazard data-loss (drop-column): column public.accounts.ext_id is dropped and added again, deleting its data: PostgreSQL has no cast from uuid to bigint (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.accounts DROP COLUMN ext_id;

ALTER TABLE public.accounts ADD COLUMN ext_id bigint;

