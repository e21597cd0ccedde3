-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_with_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.t.n from text to integer rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.n from text to integer fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;

ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.t.n from integer to text rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN n TYPE text;

ALTER TABLE public.t ALTER COLUMN n SET DEFAULT '0'::text;

