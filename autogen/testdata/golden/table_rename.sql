-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rename
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.customer to client breaks queries that still use the old name
ALTER TABLE public.customer RENAME TO client;

ALTER TABLE public.client RENAME CONSTRAINT customer_pkey TO client_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.client to customer breaks queries that still use the old name
ALTER TABLE public.client RENAME TO customer;

ALTER TABLE public.customer RENAME CONSTRAINT client_pkey TO customer_pkey;

