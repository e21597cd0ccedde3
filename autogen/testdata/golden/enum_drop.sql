-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP TYPE public.mood;

-- migrate:downgrade
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

