-- migrate:revision 0a1b2c3d4e5f
-- migrate:message enum_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

-- migrate:downgrade
DROP TYPE public.mood;

