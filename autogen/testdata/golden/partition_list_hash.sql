-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_list_hash
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.buckets (
    id bigint NOT NULL
) PARTITION BY HASH (id);

CREATE TABLE public.buckets_0 PARTITION OF public.buckets FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE public.buckets_1 PARTITION OF public.buckets FOR VALUES WITH (modulus 2, remainder 1);

CREATE TABLE public.regions (
    code text NOT NULL,
    name text
) PARTITION BY LIST (code);

CREATE TABLE public.regions_eu PARTITION OF public.regions FOR VALUES IN ('de', 'fr', 'it');

CREATE TABLE public.regions_us PARTITION OF public.regions FOR VALUES IN ('us');

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.regions_us deletes its rows
DROP TABLE public.regions_us;

-- hazard data-loss (drop-table): dropping table public.regions_eu deletes its rows
DROP TABLE public.regions_eu;

-- hazard data-loss (drop-table): dropping table public.regions deletes its rows
DROP TABLE public.regions;

-- hazard data-loss (drop-table): dropping table public.buckets_1 deletes its rows
DROP TABLE public.buckets_1;

-- hazard data-loss (drop-table): dropping table public.buckets_0 deletes its rows
DROP TABLE public.buckets_0;

-- hazard data-loss (drop-table): dropping table public.buckets deletes its rows
DROP TABLE public.buckets;

