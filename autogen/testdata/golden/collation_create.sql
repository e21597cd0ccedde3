-- migrate:revision 0a1b2c3d4e5f
-- migrate:message collation_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE COLLATION public.bytewise (provider = libc, lc_collate = 'C', lc_ctype = 'C');

CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE DOMAIN public.ci_text AS text COLLATE public.case_insensitive;

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.users.email rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.users ALTER COLUMN email TYPE text COLLATE public.case_insensitive;

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.users.handle rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.users ALTER COLUMN handle TYPE text COLLATE public.bytewise;

ALTER TABLE public.users ADD COLUMN nick public.ci_text;

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of users_email_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.users
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);

-- hazard index-build-blocks-writes (require-concurrent-index): index users_handle_idx is built without CONCURRENTLY: writes to public.users block until it is done
CREATE INDEX users_handle_idx ON public.users USING btree (handle DESC);

COMMENT ON COLLATION public.case_insensitive IS 'compares ignoring case';

-- migrate:downgrade
ALTER TABLE public.users DROP CONSTRAINT users_email_key;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.users_handle_idx;

-- hazard data-loss (drop-column): dropping column public.users.nick deletes its data
ALTER TABLE public.users DROP COLUMN nick;

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.users.email rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.users ALTER COLUMN email TYPE text;

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.users.handle rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.users ALTER COLUMN handle TYPE text;

DROP DOMAIN public.ci_text;

DROP COLLATION public.bytewise;

DROP COLLATION public.case_insensitive;

