-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_drop_not_null
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN name DROP NOT NULL;

-- migrate:downgrade
-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.t under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.t ALTER COLUMN name SET NOT NULL;

