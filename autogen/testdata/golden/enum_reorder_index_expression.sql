-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_reorder_index_expression
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.tasks_urgent_idx;

ALTER TYPE public.prio RENAME TO prio__old;

CREATE TYPE public.prio AS ENUM ('high', 'low');

-- hazard unsafe-cast (change-column-type): values of public.tasks.p are converted to the recreated type public.prio; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.tasks.p rewrites public.tasks
ALTER TABLE public.tasks ALTER COLUMN p TYPE public.prio USING p::text::public.prio;

DROP TYPE public.prio__old;

-- hazard index-build-blocks-writes (require-concurrent-index): index tasks_urgent_idx is built without CONCURRENTLY: writes to public.tasks block until it is done
CREATE INDEX tasks_urgent_idx ON public.tasks USING btree (((p = 'high'::public.prio)));

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.tasks_urgent_idx;

ALTER TYPE public.prio RENAME TO prio__old;

CREATE TYPE public.prio AS ENUM ('low', 'high');

-- hazard unsafe-cast (change-column-type): values of public.tasks.p are converted to the recreated type public.prio; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.tasks.p rewrites public.tasks
ALTER TABLE public.tasks ALTER COLUMN p TYPE public.prio USING p::text::public.prio;

DROP TYPE public.prio__old;

-- hazard index-build-blocks-writes (require-concurrent-index): index tasks_urgent_idx is built without CONCURRENTLY: writes to public.tasks block until it is done
CREATE INDEX tasks_urgent_idx ON public.tasks USING btree (((p = 'high'::public.prio)));

