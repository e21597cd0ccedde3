-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_to_plain_column_changes
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.clicks.legacy deletes its data
ALTER TABLE public.clicks DROP COLUMN legacy;

-- hazard access-exclusive-lock (rename-table): renaming public.clicks to clicks_migrate_old breaks queries that still use the old name
ALTER TABLE public.clicks RENAME TO clicks_migrate_old;

CREATE TABLE public.clicks (
    id bigint NOT NULL,
    at date NOT NULL,
    ref text,
    source text DEFAULT 'web'::text
);

-- hazard table-rewrite: every row of public.clicks is copied into the recreated table under an ACCESS EXCLUSIVE lock
INSERT INTO public.clicks (id, at, ref)
SELECT id, at, ref
FROM public.clicks_migrate_old;

-- hazard data-loss (drop-table): dropping table public.clicks_migrate_old deletes its rows
DROP TABLE public.clicks_migrate_old;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.clicks.source deletes its data
ALTER TABLE public.clicks DROP COLUMN source;

-- hazard access-exclusive-lock (rename-table): renaming public.clicks to clicks_migrate_old breaks queries that still use the old name
ALTER TABLE public.clicks RENAME TO clicks_migrate_old;

CREATE TABLE public.clicks (
    id bigint NOT NULL,
    at date NOT NULL,
    ref character varying(20),
    legacy text
) PARTITION BY RANGE (at);

CREATE TABLE public.clicks_2024 PARTITION OF public.clicks FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- hazard table-rewrite: every row of public.clicks is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
-- hazard unsafe-cast: the values of public.clicks.ref are converted to their new types; one that does not convert makes the revision fail
INSERT INTO public.clicks (id, at, ref)
SELECT id, at, ref
FROM public.clicks_migrate_old;

-- hazard data-loss (drop-table): dropping table public.clicks_migrate_old deletes its rows
DROP TABLE public.clicks_migrate_old;

