-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_add_pk_nullable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.t under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.t ALTER COLUMN id SET NOT NULL;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of t_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.t
ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

-- migrate:downgrade
ALTER TABLE public.t DROP CONSTRAINT t_pkey;

ALTER TABLE public.t ALTER COLUMN id DROP NOT NULL;

