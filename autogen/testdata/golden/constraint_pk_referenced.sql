-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_pk_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.child DROP CONSTRAINT child_a_fkey;

ALTER TABLE public.child ADD COLUMN b integer;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of parent_a_b_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.parent
ALTER TABLE public.parent ADD CONSTRAINT parent_a_b_key UNIQUE (a, b);

-- hazard full-scan (foreign-key-not-valid): validating child_a_fkey scans every row of public.child while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.child ADD CONSTRAINT child_a_fkey FOREIGN KEY (a, b) REFERENCES public.parent(a, b);

-- migrate:downgrade
ALTER TABLE public.child DROP CONSTRAINT child_a_fkey;

ALTER TABLE public.parent DROP CONSTRAINT parent_a_b_key;

-- hazard data-loss (drop-column): dropping column public.child.b deletes its data
ALTER TABLE public.child DROP COLUMN b;

-- hazard full-scan (foreign-key-not-valid): validating child_a_fkey scans every row of public.child while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.child ADD CONSTRAINT child_a_fkey FOREIGN KEY (a) REFERENCES public.parent(a);

