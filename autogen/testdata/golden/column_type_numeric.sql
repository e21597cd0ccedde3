-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_type_numeric
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.prices.amount from numeric(10,2) to numeric(14,4) rewrites public.prices and its indexes
-- hazard unsafe-cast: converting public.prices.amount from numeric(10,2) to numeric(14,4) fails if a value does not convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(14,4) USING amount::numeric(14,4);

-- migrate:downgrade
-- hazard table-rewrite (change-column-type): changing the type of public.prices.amount from numeric(14,4) to numeric(10,2) rewrites public.prices and its indexes
-- hazard unsafe-cast: converting public.prices.amount from numeric(14,4) to numeric(10,2) fails if a value does not convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric(10,2);

