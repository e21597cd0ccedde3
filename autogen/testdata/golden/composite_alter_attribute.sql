-- migrate:revision 0a1b2c3d4e5f
-- migrate:message composite_alter_attribute
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TYPE public.point3 ALTER ATTRIBUTE x TYPE bigint;

ALTER TYPE public.point3 ALTER ATTRIBUTE y TYPE bigint;

-- migrate:downgrade
ALTER TYPE public.point3 ALTER ATTRIBUTE x TYPE integer;

ALTER TYPE public.point3 ALTER ATTRIBUTE y TYPE integer;

