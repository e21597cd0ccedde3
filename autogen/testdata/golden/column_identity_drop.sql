-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY;

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;

