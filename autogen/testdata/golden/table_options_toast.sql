-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_options_toast
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.docs SET (toast.autovacuum_enabled=false);

-- migrate:downgrade
ALTER TABLE public.docs RESET (toast.autovacuum_enabled);

