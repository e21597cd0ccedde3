-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_set_not_null
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: every column of domain public.label is checked
ALTER DOMAIN public.label SET NOT NULL;

-- migrate:downgrade
ALTER DOMAIN public.label DROP NOT NULL;

