-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_identity_options
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ALTER COLUMN id SET INCREMENT BY 10 SET START WITH 1000 SET CACHE 5;

-- migrate:downgrade
ALTER TABLE public.t ALTER COLUMN id SET INCREMENT BY 1 SET START WITH 1 SET CACHE 1;

