-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_check_not_valid
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER DOMAIN public.code ADD CONSTRAINT code_upper CHECK ((VALUE = upper(VALUE))) NOT VALID;

-- migrate:downgrade
ALTER DOMAIN public.code DROP CONSTRAINT code_upper;

