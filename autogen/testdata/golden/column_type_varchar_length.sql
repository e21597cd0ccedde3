-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_varchar_length
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (change-column-type): changing the type of public.t.name takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.t ALTER COLUMN name TYPE character varying(100);

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.name from character varying(100) to character varying(20) rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.name from character varying(100) to character varying(20) fails if a value is longer than 20 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.t ALTER COLUMN name TYPE character varying(20);

