-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_cycle_cache
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.s CACHE 20 CYCLE;

-- migrate:downgrade
ALTER SEQUENCE public.s CACHE 1 NO CYCLE;

