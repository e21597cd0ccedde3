-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_type
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.id from integer to bigint rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN id TYPE bigint;

ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 9223372036854775807;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.id from bigint to integer rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.id from bigint to integer fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN id TYPE integer;

ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 2147483647;

