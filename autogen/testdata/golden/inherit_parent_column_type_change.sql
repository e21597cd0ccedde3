-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_column_type_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.base.amount from integer to bigint rewrites public.base and its indexes
ALTER TABLE public.base ALTER COLUMN amount TYPE bigint;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.base.amount from bigint to integer rewrites public.base and its indexes
-- hazard unsafe-cast: converting public.base.amount from bigint to integer fails if a value does not convert
ALTER TABLE public.base ALTER COLUMN amount TYPE integer;

