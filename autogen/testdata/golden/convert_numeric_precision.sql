-- migrate:revision 0a1b2c3d4e5f
-- migrate:message convert_numeric_precision
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (change-column-type): changing the type of public.prices.amount from numeric(10,2) to numeric(6,2) rewrites public.prices and its indexes
-- hazard unsafe-cast: converting public.prices.amount from numeric(10,2) to numeric(6,2) fails if a value does not convert
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(6,2);

-- migrate:downgrade
-- hazard access-exclusive-lock (change-column-type): changing the type of public.prices.amount takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.prices ALTER COLUMN amount TYPE numeric(10,2);

