-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_timestamptz
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.at from timestamp without time zone to timestamp with time zone rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN at TYPE timestamp with time zone;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.at from timestamp with time zone to timestamp without time zone rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.at from timestamp with time zone to timestamp without time zone fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN at TYPE timestamp without time zone;

