-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_options_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.hot RESET (autovacuum_enabled);

ALTER TABLE public.hot SET (fillfactor=80);

-- migrate:downgrade
ALTER TABLE public.hot SET (autovacuum_enabled=false, fillfactor=70);

