-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_recreate_every_dependant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.refs2 DROP CONSTRAINT refs2_id_st_fkey;

ALTER TABLE public.posts DROP CONSTRAINT posts_pub_check;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.posts_published;

DROP FUNCTION public.is_pub(s public.st);

ALTER TYPE public.st RENAME TO st__old;

CREATE TYPE public.st AS ENUM ('draft', 'published');

ALTER DOMAIN public.pub_st RENAME TO pub_st__old;

CREATE DOMAIN public.pub_st AS public.st CONSTRAINT pub_st_check CHECK ((VALUE <> 'draft'::public.st));

SET LOCAL check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.is_pub(s public.st)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT s = 'published' $function$;

ALTER TABLE public.posts ALTER COLUMN st DROP DEFAULT;

-- hazard unsafe-cast (change-column-type): values of public.posts.st are converted to the recreated type public.st; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.posts.st rewrites public.posts
ALTER TABLE public.posts ALTER COLUMN st TYPE public.st USING st::text::public.st;

ALTER TABLE public.posts ALTER COLUMN st SET DEFAULT 'draft'::public.st;

-- hazard unsafe-cast (change-column-type): values of public.posts.ps are converted to the recreated type public.pub_st; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.posts.ps rewrites public.posts
ALTER TABLE public.posts ALTER COLUMN ps TYPE public.pub_st USING ps::text::public.pub_st;

-- hazard unsafe-cast (change-column-type): values of public.refs.st are converted to the recreated type public.st; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.refs.st rewrites public.refs
ALTER TABLE public.refs ALTER COLUMN st TYPE public.st USING st::text::public.st;

-- hazard unsafe-cast (change-column-type): values of public.refs2.st are converted to the recreated type public.st; rows holding a removed value make this fail
-- hazard table-rewrite: converting public.refs2.st rewrites public.refs2
ALTER TABLE public.refs2 ALTER COLUMN st TYPE public.st USING st::text::public.st;

DROP DOMAIN public.pub_st__old;

-- hazard full-scan (check-not-valid): validating posts_pub_check scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_pub_check CHECK (((st <> 'published'::public.st) OR (id > 0)));

-- hazard index-build-blocks-writes (require-concurrent-index): index posts_published is built without CONCURRENTLY: writes to public.posts block until it is done
CREATE INDEX posts_published ON public.posts USING btree (id) WHERE (st = 'published'::public.st);

-- hazard full-scan (foreign-key-not-valid): validating refs2_id_st_fkey scans every row of public.refs2 while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.refs2 ADD CONSTRAINT refs2_id_st_fkey FOREIGN KEY (id, st) REFERENCES public.refs(id, st);

DROP TYPE public.st__old;

-- migrate:downgrade
-- hazard enum-value-irreversible: enum values cannot be removed without recreating the type, and the new value cannot be used in the transaction that adds it (before PostgreSQL 12 ADD VALUE cannot run in a transaction block at all)
ALTER TYPE public.st ADD VALUE 'review' AFTER 'draft';

