-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_from_partitioned_ref_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.events.tenant from integer to bigint rewrites public.events and its indexes
ALTER TABLE public.events ALTER COLUMN tenant TYPE bigint;

-- hazard table-rewrite (change-column-type): changing the type of public.tenants.id from integer to bigint rewrites public.tenants and its indexes
ALTER TABLE public.tenants ALTER COLUMN id TYPE bigint;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.events.tenant from bigint to integer rewrites public.events and its indexes
-- hazard unsafe-cast: converting public.events.tenant from bigint to integer fails if a value does not convert
ALTER TABLE public.events ALTER COLUMN tenant TYPE integer;

-- hazard table-rewrite (change-column-type): changing the type of public.tenants.id from bigint to integer rewrites public.tenants and its indexes
-- hazard unsafe-cast: converting public.tenants.id from bigint to integer fails if a value does not convert
ALTER TABLE public.tenants ALTER COLUMN id TYPE integer;

