-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_many_changes
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.accounts.legacy deletes its data
ALTER TABLE public.accounts DROP COLUMN legacy;

-- hazard access-exclusive-lock (change-column-type): changing the type of public.accounts.name takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.accounts ALTER COLUMN name TYPE character varying(200);

ALTER TABLE public.accounts ALTER COLUMN name DROP NOT NULL;

ALTER TABLE public.accounts ALTER COLUMN balance DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.accounts.balance from integer to bigint rewrites public.accounts and its indexes
ALTER TABLE public.accounts ALTER COLUMN balance TYPE bigint;

ALTER TABLE public.accounts ALTER COLUMN balance SET DEFAULT 0;

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.accounts under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.accounts ALTER COLUMN balance SET NOT NULL;

ALTER TABLE public.accounts ALTER COLUMN note SET DEFAULT ''::text;

ALTER TABLE public.accounts ADD COLUMN opened date;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.accounts.opened deletes its data
ALTER TABLE public.accounts DROP COLUMN opened;

-- hazard table-rewrite (change-column-type): changing the type of public.accounts.name from character varying(200) to character varying(50) rewrites public.accounts and its indexes
-- hazard unsafe-cast: converting public.accounts.name from character varying(200) to character varying(50) fails if a value is longer than 50 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.accounts ALTER COLUMN name TYPE character varying(50);

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.accounts under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.accounts ALTER COLUMN name SET NOT NULL;

ALTER TABLE public.accounts ALTER COLUMN balance DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.accounts.balance from bigint to integer rewrites public.accounts and its indexes
-- hazard unsafe-cast: converting public.accounts.balance from bigint to integer fails if a value does not convert
ALTER TABLE public.accounts ALTER COLUMN balance TYPE integer;

ALTER TABLE public.accounts ALTER COLUMN balance SET DEFAULT 0;

ALTER TABLE public.accounts ALTER COLUMN balance DROP NOT NULL;

ALTER TABLE public.accounts ALTER COLUMN note DROP DEFAULT;

ALTER TABLE public.accounts ADD COLUMN legacy boolean;

