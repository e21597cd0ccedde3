-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_collation
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.person_name ALTER ATTRIBUTE first TYPE text COLLATE "C";

-- migrate:downgrade
ALTER TYPE public.person_name ALTER ATTRIBUTE first TYPE text;

