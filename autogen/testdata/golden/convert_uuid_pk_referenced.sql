-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_uuid_pk_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.members DROP CONSTRAINT members_org_id_fkey;

ALTER TABLE public.orgs DROP CONSTRAINT orgs_pkey;

-- hazard data-loss (drop-column): column public.members.org_id is dropped and added again, deleting its data: PostgreSQL has no cast from bigint to uuid (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.members DROP COLUMN org_id;

ALTER TABLE public.members ADD COLUMN org_id uuid;

-- hazard data-loss (drop-column): column public.orgs.id is dropped and added again, deleting its data: PostgreSQL has no cast from bigint to uuid (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.orgs DROP COLUMN id;

-- hazard table-rewrite (volatile-default): the default of public.orgs.id is volatile: every row is rewritten
ALTER TABLE public.orgs ADD COLUMN id uuid DEFAULT gen_random_uuid() NOT NULL;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of orgs_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.orgs
ALTER TABLE public.orgs ADD CONSTRAINT orgs_pkey PRIMARY KEY (id);

-- hazard full-scan (foreign-key-not-valid): validating members_org_id_fkey scans every row of public.members while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.members ADD CONSTRAINT members_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.orgs(id);

-- migrate:downgrade
ALTER TABLE public.members DROP CONSTRAINT members_org_id_fkey;

ALTER TABLE public.orgs DROP CONSTRAINT orgs_pkey;

-- hazard data-loss (drop-column): column public.members.org_id is dropped and added again, deleting its data: PostgreSQL has no cast from uuid to bigint (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.members DROP COLUMN org_id;

ALTER TABLE public.members ADD COLUMN org_id bigint;

-- hazard data-loss (drop-column): column public.orgs.id is dropped and added again, deleting its data: PostgreSQL has no cast from uuid to bigint (to keep the values, replace these statements with ALTER COLUMN ... TYPE ... USING an expression of your own)
ALTER TABLE public.orgs DROP COLUMN id;

-- hazard full-scan (add-not-null-column): NOT NULL without a default: fails if public.orgs has rows
ALTER TABLE public.orgs ADD COLUMN id bigint NOT NULL;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of orgs_pkey is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.orgs
ALTER TABLE public.orgs ADD CONSTRAINT orgs_pkey PRIMARY KEY (id);

-- hazard full-scan (foreign-key-not-valid): validating members_org_id_fkey scans every row of public.members while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.members ADD CONSTRAINT members_org_id_fkey FOREIGN KEY (org_id) REFERENCES public.orgs(id);

