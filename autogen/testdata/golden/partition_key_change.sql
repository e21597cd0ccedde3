-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_key_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.events_2024 deletes its rows
DROP TABLE public.events_2024;

-- hazard data-loss (drop-table): dropping table public.events deletes its rows
DROP TABLE public.events;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL,
    kind text NOT NULL
) PARTITION BY LIST (kind);

CREATE TABLE public.events_click PARTITION OF public.events FOR VALUES IN ('click');

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.events_click deletes its rows
DROP TABLE public.events_click;

-- hazard data-loss (drop-table): dropping table public.events deletes its rows
DROP TABLE public.events;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL,
    kind text NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

