-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_change_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER DOMAIN public.short_text DROP CONSTRAINT short_text_len;

-- hazard full-scan: every column of domain public.short_text is checked
ALTER DOMAIN public.short_text ADD CONSTRAINT short_text_len CHECK ((length(VALUE) <= 20));

-- migrate:downgrade
ALTER DOMAIN public.short_text DROP CONSTRAINT short_text_len;

-- hazard full-scan: every column of domain public.short_text is checked
ALTER DOMAIN public.short_text ADD CONSTRAINT short_text_len CHECK ((length(VALUE) <= 10));

