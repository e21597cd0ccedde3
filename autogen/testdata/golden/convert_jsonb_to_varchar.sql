-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_jsonb_to_varchar
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.docs.meta from jsonb to character varying(100) rewrites public.docs and its indexes
-- hazard unsafe-cast: converting public.docs.meta from jsonb to character varying(100) fails if a value is longer than 100 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.docs ALTER COLUMN meta TYPE character varying(100);

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.docs.meta from character varying(100) to jsonb rewrites public.docs and its indexes
-- hazard unsafe-cast: converting public.docs.meta from character varying(100) to jsonb fails if a value does not convert
ALTER TABLE public.docs ALTER COLUMN meta TYPE jsonb USING meta::jsonb;

