-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_ref_unique_swap
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.sessions DROP CONSTRAINT sessions_account_shard_fkey;

ALTER TABLE public.accounts DROP CONSTRAINT accounts_id_shard_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of accounts_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.accounts
ALTER TABLE public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id, shard);

-- hazard full-scan (foreign-key-not-valid): validating sessions_account_shard_fkey scans every row of public.sessions while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.sessions ADD CONSTRAINT sessions_account_shard_fkey FOREIGN KEY (account, shard) REFERENCES public.accounts(id, shard) ON DELETE CASCADE;

-- migrate:downgrade
ALTER TABLE public.sessions DROP CONSTRAINT sessions_account_shard_fkey;

ALTER TABLE public.accounts DROP CONSTRAINT accounts_pkey;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of accounts_id_shard_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.accounts
ALTER TABLE public.accounts ADD CONSTRAINT accounts_id_shard_key UNIQUE (id, shard);

-- hazard full-scan (foreign-key-not-valid): validating sessions_account_shard_fkey scans every row of public.sessions while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.sessions ADD CONSTRAINT sessions_account_shard_fkey FOREIGN KEY (account, shard) REFERENCES public.accounts(id, shard) ON DELETE CASCADE;

