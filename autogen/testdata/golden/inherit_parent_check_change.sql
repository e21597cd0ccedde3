-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_check_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.animal DROP CONSTRAINT animal_name_check;

-- hazard full-scan (check-not-valid): validating animal_name_check scans every row of public.animal while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.animal ADD CONSTRAINT animal_name_check CHECK ((length(name) > 1));

-- migrate:downgrade
ALTER TABLE public.animal DROP CONSTRAINT animal_name_check;

-- hazard full-scan (check-not-valid): validating animal_name_check scans every row of public.animal while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.animal ADD CONSTRAINT animal_name_check CHECK ((name <> ''::text));

