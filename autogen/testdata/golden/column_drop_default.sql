-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_drop_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN qty DROP DEFAULT;

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN qty SET DEFAULT 1;

