-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_unique_redefined_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.child DROP CONSTRAINT child_code_fkey;

ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of parent_code_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.parent
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE NULLS NOT DISTINCT (code);

-- hazard full-scan (foreign-key-not-valid): validating child_code_fkey scans every row of public.child while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.child ADD CONSTRAINT child_code_fkey FOREIGN KEY (code) REFERENCES public.parent(code);

-- migrate:downgrade
ALTER TABLE public.child DROP CONSTRAINT child_code_fkey;

ALTER TABLE public.parent DROP CONSTRAINT parent_code_key;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of parent_code_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.parent
ALTER TABLE public.parent ADD CONSTRAINT parent_code_key UNIQUE (code);

-- hazard full-scan (foreign-key-not-valid): validating child_code_fkey scans every row of public.child while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.child ADD CONSTRAINT child_code_fkey FOREIGN KEY (code) REFERENCES public.parent(code);

