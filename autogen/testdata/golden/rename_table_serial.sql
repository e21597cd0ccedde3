-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_table_serial
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.customers to clients breaks queries that still use the old name
ALTER TABLE public.customers RENAME TO clients;

ALTER SEQUENCE public.customers_n_seq RENAME TO clients_n_seq;

ALTER SEQUENCE public.customers_ref_seq RENAME TO clients_ref_seq;

ALTER TABLE public.clients RENAME CONSTRAINT customers_pkey TO clients_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.clients to customers breaks queries that still use the old name
ALTER TABLE public.clients RENAME TO customers;

ALTER SEQUENCE public.clients_n_seq RENAME TO customers_n_seq;

ALTER SEQUENCE public.clients_ref_seq RENAME TO customers_ref_seq;

ALTER TABLE public.customers RENAME CONSTRAINT clients_pkey TO customers_pkey;

