-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_add_volatile_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (volatile-default): the default of public.users.token is volatile: every row is rewritten
ALTER TABLE public.users ADD COLUMN token double precision DEFAULT random();

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.users.token deletes its data
ALTER TABLE public.users DROP COLUMN token;

