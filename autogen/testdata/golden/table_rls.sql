-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rls
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;

-- migrate:downgrade
ALTER TABLE public.docs DISABLE ROW LEVEL SECURITY;

ALTER TABLE public.docs NO FORCE ROW LEVEL SECURITY;

