-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_check_not_valid
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ADD CONSTRAINT n_positive CHECK ((n > 0)) NOT VALID;

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT n_positive;

