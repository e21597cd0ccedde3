-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_remove_parent_check_dropped
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.birds NO INHERIT public.animals;

ALTER TABLE public.animals DROP CONSTRAINT animals_legs_check;

-- migrate:downgrade
ALTER TABLE public.birds INHERIT public.animals;

-- hazard full-scan (check-not-valid): validating animals_legs_check scans every row of public.animals while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.animals ADD CONSTRAINT animals_legs_check CHECK ((legs >= 0));

