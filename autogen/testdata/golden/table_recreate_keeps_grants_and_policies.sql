-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_recreate_keeps_grants_and_policies
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.events to events_migrate_old breaks queries that still use the old name
ALTER TABLE public.events RENAME TO events_migrate_old;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL
) PARTITION BY RANGE (id);

CREATE TABLE public.events_low PARTITION OF public.events FOR VALUES FROM ('0') TO ('1000');

-- hazard table-rewrite: every row of public.events is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.events (id, at)
SELECT id, at
FROM public.events_migrate_old;

ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;

CREATE POLICY events_read ON public.events AS PERMISSIVE FOR SELECT TO app_reader USING ((id > 0));

COMMENT ON TABLE public.events IS 'by id';

GRANT SELECT ON TABLE public.events TO app_reader;

-- hazard data-loss (drop-table): dropping table public.events_migrate_old deletes its rows
DROP TABLE public.events_migrate_old;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.events to events_migrate_old breaks queries that still use the old name
ALTER TABLE public.events RENAME TO events_migrate_old;

CREATE TABLE public.events (
    id bigint NOT NULL,
    at date NOT NULL
) PARTITION BY RANGE (at);

CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- hazard table-rewrite: every row of public.events is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.events (id, at)
SELECT id, at
FROM public.events_migrate_old;

-- hazard data-loss (drop-table): dropping table public.events_migrate_old deletes its rows
DROP TABLE public.events_migrate_old;

