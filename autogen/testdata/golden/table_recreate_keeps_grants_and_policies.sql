-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_recreate_keeps_grants_and_policies
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.events_2024 deletes its rows
DROP TABLE public.events_2024;

-- hazard data-loss (drop-table): dropping table public.events deletes its rows
DROP TABLE public.events;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL
) PARTITION BY RANGE (id);

CREATE TABLE public.events_low PARTITION OF public.events FOR VALUES FROM ('0') TO ('1000');

ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;

CREATE POLICY events_read ON public.events AS PERMISSIVE FOR SELECT TO app_reader USING ((id > 0));

COMMENT ON TABLE public.events IS 'by id';

GRANT SELECT ON TABLE public.events TO app_reader;

-- migrate:downgrade
-- hazard data-loss (drop-table): dropping table public.events_low deletes its rows
DROP TABLE public.events_low;

-- hazard data-loss (drop-table): dropping table public.events deletes its rows
DROP TABLE public.events;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

