-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_indexed
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (change-column-type): changing the type of public.t.code takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.t ALTER COLUMN code TYPE text;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.code from text to character varying(10) rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.code from text to character varying(10) fails if a value is longer than 10 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10);

