-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_jsonb
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.doc from json to jsonb rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.doc from json to jsonb fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN doc TYPE jsonb;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.doc from jsonb to json rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.doc from jsonb to json fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN doc TYPE json;

