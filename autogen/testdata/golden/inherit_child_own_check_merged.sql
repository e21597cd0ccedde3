-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_child_own_check_merged
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (check-not-valid): validating balance_positive scans every row of public.accounts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.accounts ADD CONSTRAINT balance_positive CHECK ((balance >= (0)::numeric));

-- migrate:downgrade
ALTER TABLE public.accounts DROP CONSTRAINT balance_positive;

