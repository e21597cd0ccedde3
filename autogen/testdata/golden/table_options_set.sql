-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_options_set
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.hot SET (autovacuum_vacuum_scale_factor=0.05, fillfactor=70);

-- migrate:downgrade
ALTER TABLE public.hot RESET (autovacuum_vacuum_scale_factor, fillfactor);

