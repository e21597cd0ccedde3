-- migrate:revision 0a1b2c3d4e5f
-- migrate:message collation_drop_and_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP COLLATION public.german;

CREATE COLLATION public.german (provider = icu, locale = 'de-AT');

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.names.code rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.names ALTER COLUMN code TYPE text COLLATE "C";

DROP COLLATION public.legacy;

-- migrate:downgrade
DROP COLLATION public.german;

CREATE COLLATION public.german (provider = icu, locale = 'de-DE');

CREATE COLLATION public.legacy (provider = libc, lc_collate = 'C', lc_ctype = 'C');

-- hazard access-exclusive-lock (change-column-type): changing the collation of public.names.code rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.names ALTER COLUMN code TYPE text COLLATE public.legacy;

