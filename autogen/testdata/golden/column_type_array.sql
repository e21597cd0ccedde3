-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_array
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.tags from character varying(20)[] to text[] rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.tags from character varying(20)[] to text[] fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN tags TYPE text[];

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.t.tags from text[] to character varying(20)[] rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.tags from text[] to character varying(20)[] fails if a value is longer than 20 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.t ALTER COLUMN tags TYPE character varying(20)[];

