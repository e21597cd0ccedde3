-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_validate_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan: every column of domain public.code is checked
ALTER DOMAIN public.code VALIDATE CONSTRAINT code_upper;

-- migrate:downgrade
ALTER DOMAIN public.code DROP CONSTRAINT code_upper;

ALTER DOMAIN public.code ADD CONSTRAINT code_upper CHECK ((VALUE = upper(VALUE))) NOT VALID;

