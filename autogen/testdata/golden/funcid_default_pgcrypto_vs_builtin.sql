-- migrate:revision 0a1b2c3d4e5f
-- migrate:message funcid_default_pgcrypto_vs_builtin
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.tokens ALTER COLUMN id SET DEFAULT gen_random_uuid();

-- migrate:downgrade
ALTER TABLE public.tokens ALTER COLUMN id SET DEFAULT public.gen_random_uuid();

