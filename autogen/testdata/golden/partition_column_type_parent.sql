-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_column_type_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.measurements.v from numeric to double precision rewrites public.measurements and its indexes
-- hazard unsafe-cast: converting public.measurements.v from numeric to double precision fails if a value does not convert
ALTER TABLE public.measurements ALTER COLUMN v TYPE double precision USING v::double precision;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.measurements.v from double precision to numeric rewrites public.measurements and its indexes
-- hazard unsafe-cast: converting public.measurements.v from double precision to numeric fails if a value does not convert
ALTER TABLE public.measurements ALTER COLUMN v TYPE numeric USING v::numeric;

