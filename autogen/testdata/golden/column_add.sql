-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_add
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.users ADD COLUMN nickname text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.users.nickname deletes its data
ALTER TABLE public.users DROP COLUMN nickname;

