-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_redefine_unrelated_unique_keeps_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.by_num DROP CONSTRAINT by_num_num_fkey;

ALTER TABLE public.acct DROP CONSTRAINT acct_num_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of acct_num_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.acct
ALTER TABLE public.acct ADD CONSTRAINT acct_num_key UNIQUE (num, region);

-- migrate:downgrade
ALTER TABLE public.acct DROP CONSTRAINT acct_num_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of acct_num_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.acct
ALTER TABLE public.acct ADD CONSTRAINT acct_num_key UNIQUE (num);

-- hazard full-scan (foreign-key-not-valid): validating by_num_num_fkey scans every row of public.by_num while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.by_num ADD CONSTRAINT by_num_num_fkey FOREIGN KEY (num) REFERENCES public.acct(num);

