-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TABLE public.measurements (
    id bigint NOT NULL,
    at date NOT NULL,
    v numeric,
    CONSTRAINT measurements_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);

CREATE TABLE public.measurements_2024 PARTITION OF public.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE public.measurements_default PARTITION OF public.measurements DEFAULT;

CREATE INDEX measurements_at_idx ON public.measurements USING btree (at);

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.measurements_default deletes its rows
DROP TABLE public.measurements_default;

-- hazard data-loss (drop-table): dropping table public.measurements_2024 deletes its rows
DROP TABLE public.measurements_2024;

-- hazard data-loss (drop-table): dropping table public.measurements deletes its rows
DROP TABLE public.measurements;

