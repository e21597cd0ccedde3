-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE POLICY notes_owner ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER));

-- migrate:downgrade
DROP POLICY notes_owner ON public.notes;

