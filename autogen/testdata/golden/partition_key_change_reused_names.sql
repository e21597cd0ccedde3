-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_key_change_reused_names
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.jobs DROP CONSTRAINT jobs_pkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.jobs_payload_idx;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs to jobs_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs RENAME TO jobs_migrate_old;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs_p0 to jobs_p0_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs_p0 RENAME TO jobs_p0_migrate_old;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs_p1 to jobs_p1_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs_p1 RENAME TO jobs_p1_migrate_old;

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    queue text NOT NULL,
    payload jsonb,
    CONSTRAINT jobs_pkey PRIMARY KEY (id, queue)
) PARTITION BY HASH (id);

CREATE TABLE public.jobs_p0 PARTITION OF public.jobs FOR VALUES WITH (modulus 2, remainder 0);

CREATE TABLE public.jobs_p1 PARTITION OF public.jobs FOR VALUES WITH (modulus 2, remainder 1);

-- hazard table-rewrite: every row of public.jobs is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.jobs (id, queue, payload)
SELECT id, queue, payload
FROM public.jobs_migrate_old;

CREATE INDEX jobs_payload_idx ON public.jobs USING gin (payload);

-- hazard data-loss (drop-table): dropping table public.jobs_migrate_old deletes its rows
DROP TABLE public.jobs_migrate_old;

-- migrate:downgrade
ALTER TABLE public.jobs DROP CONSTRAINT jobs_pkey;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.jobs_payload_idx;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs to jobs_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs RENAME TO jobs_migrate_old;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs_p0 to jobs_p0_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs_p0 RENAME TO jobs_p0_migrate_old;

-- hazard access-exclusive-lock (rename-table): renaming public.jobs_p1 to jobs_p1_migrate_old breaks queries that still use the old name
ALTER TABLE public.jobs_p1 RENAME TO jobs_p1_migrate_old;

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    queue text NOT NULL,
    payload jsonb,
    CONSTRAINT jobs_pkey PRIMARY KEY (id, queue)
) PARTITION BY LIST (queue);

CREATE TABLE public.jobs_p0 PARTITION OF public.jobs FOR VALUES IN ('mail', 'sms');

CREATE TABLE public.jobs_p1 PARTITION OF public.jobs DEFAULT;

-- hazard table-rewrite: every row of public.jobs is copied into the recreated table under an ACCESS EXCLUSIVE lock; a row no partition accepts makes the revision fail
INSERT INTO public.jobs (id, queue, payload)
SELECT id, queue, payload
FROM public.jobs_migrate_old;

CREATE INDEX jobs_payload_idx ON public.jobs USING gin (payload);

-- hazard data-loss (drop-table): dropping table public.jobs_migrate_old deletes its rows
DROP TABLE public.jobs_migrate_old;

