-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_partial_index
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.st ADD VALUE 'review' AFTER 'draft';

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.posts_published_idx;

ALTER TYPE public.st RENAME TO st__old;

CREATE TYPE public.st AS ENUM ('draft', 'published');

ALTER TABLE public.posts ALTER COLUMN st DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.posts.st are converted to the recreated type public.st; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.posts.st rewrites public.posts
ALTER TABLE public.posts ALTER COLUMN st TYPE public.st USING st::text::public.st;

ALTER TABLE public.posts ALTER COLUMN st SET DEFAULT 'draft'::public.st;

DROP TYPE public.st__old;

-- hazard index-build-blocks-writes (require-concurrent-index): index posts_published_idx is built without CONCURRENTLY: writes to public.posts block until it is done
CREATE INDEX posts_published_idx ON public.posts USING btree (id) WHERE (st = 'published'::public.st);

