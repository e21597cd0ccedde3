-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_reorder_values
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.priority RENAME TO priority__old;

CREATE TYPE public.priority AS ENUM ('low', 'medium', 'high');

-- hazard unsafe-cast (change-column-type): values of public.tasks.priority are converted to the recreated type public.priority; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.tasks.priority rewrites public.tasks
ALTER TABLE public.tasks ALTER COLUMN priority TYPE public.priority USING priority::text::public.priority;

DROP TYPE public.priority__old;

-- migrate:downgrade
ALTER TYPE public.priority RENAME TO priority__old;

CREATE TYPE public.priority AS ENUM ('high', 'low', 'medium');

-- hazard unsafe-cast (change-column-type): values of public.tasks.priority are converted to the recreated type public.priority; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.tasks.priority rewrites public.tasks
ALTER TABLE public.tasks ALTER COLUMN priority TYPE public.priority USING priority::text::public.priority;

DROP TYPE public.priority__old;

