-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_add_value_end
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.status ADD VALUE 'archived' AFTER 'published';

-- migrate:downgrade
ALTER TYPE public.status RENAME TO status__old;

CREATE TYPE public.status AS ENUM ('draft', 'published');

ALTER TABLE public.posts ALTER COLUMN status DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.posts.status are converted to the recreated type public.status; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.posts.status rewrites public.posts
ALTER TABLE public.posts ALTER COLUMN status TYPE public.status USING status::text::public.status;

ALTER TABLE public.posts ALTER COLUMN status SET DEFAULT 'draft'::public.status;

DROP TYPE public.status__old;

