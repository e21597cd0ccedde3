-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_table_fks_follow
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.customers to clients breaks queries that still use the old name
ALTER TABLE public.customers RENAME TO clients;

ALTER TABLE public.clients RENAME CONSTRAINT customers_country_id_fkey TO clients_country_id_fkey;

ALTER TABLE public.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.clients to customers breaks queries that still use the old name
ALTER TABLE public.clients RENAME TO customers;

ALTER TABLE public.customers RENAME CONSTRAINT clients_country_id_fkey TO customers_country_id_fkey;

ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;

