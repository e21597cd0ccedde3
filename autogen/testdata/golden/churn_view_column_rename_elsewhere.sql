-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_view_column_rename_elsewhere
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.p.b deletes its data
ALTER TABLE public.p DROP COLUMN b;

ALTER TABLE public.p ADD COLUMN c text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.p.c deletes its data
ALTER TABLE public.p DROP COLUMN c;

ALTER TABLE public.p ADD COLUMN b integer;

