-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_key_change_with_rows
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.visits to visits_migrate_old breaks queries that still use the old name
ALTER TABLE public.visits RENAME TO visits_migrate_old;

CREATE TABLE public.visits (
    id integer NOT NULL,
    day date NOT NULL,
    site text NOT NULL
) PARTITION BY LIST (site);

CREATE TABLE public.visits_a PARTITION OF public.visits FOR VALUES IN ('a');

CREATE TABLE public.visits_other PARTITION OF public.visits DEFAULT;

-- hazard table-rewrite: every row of public.visits is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.visits (id, day, site)
SELECT id, day, site
FROM public.visits_migrate_old;

-- hazard data-loss (drop-table): dropping table public.visits_migrate_old deletes its rows
DROP TABLE public.visits_migrate_old;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.visits to visits_migrate_old breaks queries that still use the old name
ALTER TABLE public.visits RENAME TO visits_migrate_old;

CREATE TABLE public.visits (
    id integer NOT NULL,
    day date NOT NULL,
    site text NOT NULL
) PARTITION BY RANGE (day);

CREATE TABLE public.visits_all PARTITION OF public.visits FOR VALUES FROM ('2000-01-01') TO ('2100-01-01');

-- hazard table-rewrite: every row of public.visits is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.visits (id, day, site)
SELECT id, day, site
FROM public.visits_migrate_old;

-- hazard data-loss (drop-table): dropping table public.visits_migrate_old deletes its rows
DROP TABLE public.visits_migrate_old;

