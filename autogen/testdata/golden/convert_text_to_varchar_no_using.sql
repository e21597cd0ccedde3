-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_text_to_varchar_no_using
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.products.sku from text to character varying(32) rewrites public.products and its indexes
-- hazard unsafe-cast: converting public.products.sku from text to character varying(32) fails if a value is longer than 32 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.products ALTER COLUMN sku TYPE character varying(32);

-- migrate:downgrade
-- hazard access-exclusive-lock (change-column-type): changing the type of public.products.sku takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.products ALTER COLUMN sku TYPE text;

