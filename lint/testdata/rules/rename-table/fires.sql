-- migrate:revision 000000000022
-- migrate:message rename-table fires

-- migrate:upgrade
ALTER TABLE customers RENAME TO clients;

ALTER TABLE clients SET SCHEMA crm;

-- migrate:downgrade
ALTER TABLE crm.clients SET SCHEMA public;

ALTER TABLE public.clients RENAME TO customers;
