-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_drop_column_keeps_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.users.legacy deletes its data
ALTER TABLE public.users DROP COLUMN legacy;

-- migrate:downgrade
ALTER TABLE public.users ADD COLUMN legacy text;

