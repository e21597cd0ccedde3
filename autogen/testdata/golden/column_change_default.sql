-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_change_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN status SET DEFAULT 'pending'::text;

ALTER TABLE public.t ALTER COLUMN at SET DEFAULT (now() + '1 day'::interval);

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN status SET DEFAULT 'new'::text;

ALTER TABLE public.t ALTER COLUMN at SET DEFAULT now();

