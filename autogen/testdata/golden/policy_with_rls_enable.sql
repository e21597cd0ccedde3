-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_with_rls_enable
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_owner ON public.notes AS PERMISSIVE FOR ALL TO app_reader USING ((owner = CURRENT_USER));

-- migrate:downgrade
DROP POLICY notes_owner ON public.notes;

ALTER TABLE public.notes DISABLE ROW LEVEL SECURITY;

