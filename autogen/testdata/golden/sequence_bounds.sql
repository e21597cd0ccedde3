-- migrate:revision 0a1b2c3d4e5f
-- migrate:message sequence_bounds
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER SEQUENCE public.s MAXVALUE 999999;

-- migrate:downgrade
ALTER SEQUENCE public.s MAXVALUE 1000;

