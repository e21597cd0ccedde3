-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_domain_over_text
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.items.code from text to public.short_code rewrites public.items and its indexes
-- hazard unsafe-cast: converting public.items.code from text to public.short_code fails if a value is longer than 10 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.items ALTER COLUMN code TYPE public.short_code;

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.items.code from public.short_code to text rewrites public.items and its indexes
ALTER TABLE public.items ALTER COLUMN code TYPE text;

