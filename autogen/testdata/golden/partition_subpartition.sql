-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_subpartition
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.sales (
    id bigint NOT NULL,
    region text NOT NULL,
    at date NOT NULL
) PARTITION BY LIST (region);

CREATE TABLE public.sales_eu PARTITION OF public.sales FOR VALUES IN ('eu') PARTITION BY RANGE (at);

CREATE TABLE public.sales_eu_2024 PARTITION OF public.sales_eu FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.sales_eu_2024 deletes its rows
DROP TABLE public.sales_eu_2024;

-- hazard data-loss (drop-table): dropping table public.sales_eu deletes its rows
DROP TABLE public.sales_eu;

-- hazard data-loss (drop-table): dropping table public.sales deletes its rows
DROP TABLE public.sales;

