-- migrate:revision 0a1b2c3d4e5f
-- migrate:message domain_change_base_type
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER DOMAIN public.amount RENAME TO amount__old;

CREATE DOMAIN public.amount AS bigint CONSTRAINT amount_check CHECK ((VALUE >= 0));

-- hazard unsafe-cast (change-column-type): values of public.invoices.total are converted to the recreated domain public.amount; a value it does not accept makes this fail
-- hazard table-rewrite: converting public.invoices.total rewrites public.invoices
ALTER TABLE public.invoices ALTER COLUMN total TYPE public.amount;

DROP DOMAIN public.amount__old;

-- migrate:downgrade
ALTER DOMAIN public.amount RENAME TO amount__old;

CREATE DOMAIN public.amount AS integer CONSTRAINT amount_check CHECK ((VALUE >= 0));

-- hazard unsafe-cast (change-column-type): values of public.invoices.total are converted to the recreated domain public.amount; a value it does not accept makes this fail
-- hazard table-rewrite: converting public.invoices.total rewrites public.invoices
ALTER TABLE public.invoices ALTER COLUMN total TYPE public.amount;

DROP DOMAIN public.amount__old;

