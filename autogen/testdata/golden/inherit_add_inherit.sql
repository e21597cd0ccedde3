-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_add_inherit
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.cat INHERIT public.animal;

-- migrate:downgrade
ALTER TABLE public.cat NO INHERIT public.animal;

