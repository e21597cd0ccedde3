-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_leaf_becomes_partitioned
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.sales (ACCESS EXCLUSIVE)
ALTER TABLE public.sales DETACH PARTITION public.sales_eu;

-- hazard access-exclusive-lock (rename-table): renaming public.sales_eu to sales_eu_migrate_old breaks queries that still use the old name
ALTER TABLE public.sales_eu RENAME TO sales_eu_migrate_old;

CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu') PARTITION BY RANGE (day);

CREATE TABLE public.sales_eu_2024 PARTITION OF public.sales_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE public.sales_eu_later PARTITION OF public.sales_eu FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);

-- hazard table-rewrite: every row of public.sales_eu is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.sales_eu (region, day, amount)
SELECT region, day, amount
FROM public.sales_eu_migrate_old;

-- hazard data-loss (drop-table): dropping table public.sales_eu_migrate_old deletes its rows
DROP TABLE public.sales_eu_migrate_old;

-- migrate:downgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.sales (ACCESS EXCLUSIVE)
ALTER TABLE public.sales DETACH PARTITION public.sales_eu;

-- hazard access-exclusive-lock (rename-table): renaming public.sales_eu to sales_eu_migrate_old breaks queries that still use the old name
ALTER TABLE public.sales_eu RENAME TO sales_eu_migrate_old;

CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu');

-- hazard table-rewrite: every row of public.sales_eu is copied into the recreated table under an ACCESS EXCLUSIVE lock
INSERT INTO public.sales_eu (region, day, amount)
SELECT region, day, amount
FROM public.sales_eu_migrate_old;

-- hazard data-loss (drop-table): dropping table public.sales_eu_migrate_old deletes its rows
DROP TABLE public.sales_eu_migrate_old;

