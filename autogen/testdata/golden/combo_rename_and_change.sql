-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_rename_and_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.client to customer breaks queries that still use the old name
ALTER TABLE public.client RENAME TO customer;

-- hazard access-exclusive-lock (rename-column): renaming column public.customer.nm to name breaks queries that still use the old name
ALTER TABLE public.customer RENAME COLUMN nm TO name;

-- hazard access-exclusive-lock (change-column-type): changing the type of public.customer.name takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.customer ALTER COLUMN name TYPE character varying(100);

ALTER TABLE public.customer ALTER COLUMN name SET DEFAULT ''::character varying;

-- hazard full-scan (set-not-null): SET NOT NULL scans every row of public.customer under an ACCESS EXCLUSIVE lock and fails if one is null
ALTER TABLE public.customer ALTER COLUMN name SET NOT NULL;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.customer.name to nm breaks queries that still use the old name
ALTER TABLE public.customer RENAME COLUMN name TO nm;

-- hazard access-exclusive-lock (rename-table): renaming public.customer to client breaks queries that still use the old name
ALTER TABLE public.customer RENAME TO client;

ALTER TABLE public.client ALTER COLUMN nm DROP DEFAULT;

-- hazard table-rewrite (change-column-type): changing the type of public.client.nm from character varying(100) to character varying(50) rewrites public.client and its indexes
-- hazard unsafe-cast: converting public.client.nm from character varying(100) to character varying(50) fails if a value is longer than 50 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.client ALTER COLUMN nm TYPE character varying(50);

ALTER TABLE public.client ALTER COLUMN nm DROP NOT NULL;

