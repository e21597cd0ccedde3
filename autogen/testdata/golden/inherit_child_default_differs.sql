-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_child_default_differs
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.child ALTER COLUMN status SET DEFAULT 'child-new'::text;

-- migrate:downgrade
ALTER TABLE public.child ALTER COLUMN status SET DEFAULT 'new'::text;

