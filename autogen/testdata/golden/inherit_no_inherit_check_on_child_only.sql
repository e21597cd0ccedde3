-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_no_inherit_check_on_child_only
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.accounts DROP CONSTRAINT accounts_balance_check;

-- hazard full-scan (check-not-valid): validating accounts_balance_check scans every row of public.accounts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.accounts ADD CONSTRAINT accounts_balance_check CHECK ((balance >= (0)::numeric)) NO INHERIT;

-- migrate:downgrade
ALTER TABLE public.accounts DROP CONSTRAINT accounts_balance_check;

-- hazard full-scan (check-not-valid): validating accounts_balance_check scans every row of public.accounts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.accounts ADD CONSTRAINT accounts_balance_check CHECK ((balance >= (0)::numeric));

