-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_restrictive
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP POLICY notes_p ON public.notes;

CREATE POLICY notes_p ON public.notes AS RESTRICTIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER));

-- migrate:downgrade
DROP POLICY notes_p ON public.notes;

CREATE POLICY notes_p ON public.notes AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner = CURRENT_USER));

