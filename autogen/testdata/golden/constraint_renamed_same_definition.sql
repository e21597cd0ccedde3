-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_renamed_same_definition
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t RENAME CONSTRAINT n_check TO n_positive;

-- migrate:downgrade
ALTER TABLE public.t RENAME CONSTRAINT n_positive TO n_check;

