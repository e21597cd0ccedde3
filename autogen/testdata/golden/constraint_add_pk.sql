-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_add_pk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of t_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.t
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

