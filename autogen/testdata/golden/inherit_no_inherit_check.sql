-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_no_inherit_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (check-not-valid): validating accounts_only_check scans every row of public.accounts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.accounts ADD CONSTRAINT accounts_only_check CHECK ((balance >= (0)::numeric)) NO INHERIT;

-- migrate:downgrade
ALTER TABLE public.accounts DROP CONSTRAINT accounts_only_check;

