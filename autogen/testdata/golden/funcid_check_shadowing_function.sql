-- migrate:revision 0a1b2c3d4e5f
-- migrate:message funcid_check_shadowing_function
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.tags DROP CONSTRAINT tags_name_check;

-- hazard full-scan (check-not-valid): validating tags_name_check scans every row of public.tags while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.tags ADD CONSTRAINT tags_name_check CHECK ((lower(name) <> ''::text));

-- migrate:downgrade
ALTER TABLE public.tags DROP CONSTRAINT tags_name_check;

-- hazard full-scan (check-not-valid): validating tags_name_check scans every row of public.tags while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.tags ADD CONSTRAINT tags_name_check CHECK ((public.lower(name) <> ''::text));

