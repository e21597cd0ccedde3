-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_add_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (check-not-valid): validating products_price_check scans every row of public.products while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.products ADD CONSTRAINT products_price_check CHECK ((price > (0)::numeric));

-- migrate:downgrade
ALTER TABLE public.products DROP CONSTRAINT products_price_check;

