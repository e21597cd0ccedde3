-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_table_other_schema_serial
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: moving public.jobs locks it briefly
-- hazard access-exclusive-lock (rename-table): moving table public.jobs to schema app breaks queries that still name it public.jobs
ALTER TABLE public.jobs SET SCHEMA app;

-- hazard access-exclusive-lock (rename-table): renaming app.jobs to tasks breaks queries that still use the old name
ALTER TABLE app.jobs RENAME TO tasks;

ALTER SEQUENCE app.jobs_id_seq RENAME TO tasks_id_seq;

ALTER TABLE app.tasks RENAME CONSTRAINT jobs_pkey TO tasks_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock: moving app.tasks locks it briefly
-- hazard access-exclusive-lock (rename-table): moving table app.tasks to schema public breaks queries that still name it app.tasks
ALTER TABLE app.tasks SET SCHEMA public;

-- hazard access-exclusive-lock (rename-table): renaming public.tasks to jobs breaks queries that still use the old name
ALTER TABLE public.tasks RENAME TO jobs;

ALTER SEQUENCE public.tasks_id_seq RENAME TO jobs_id_seq;

ALTER TABLE public.jobs RENAME CONSTRAINT tasks_pkey TO jobs_pkey;

