-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_rls_disable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.notes DISABLE ROW LEVEL SECURITY;

-- migrate:downgrade
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

