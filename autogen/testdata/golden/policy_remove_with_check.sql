-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_remove_with_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP POLICY notes_u ON public.notes;

CREATE POLICY notes_u ON public.notes AS PERMISSIVE FOR UPDATE TO PUBLIC USING (true);

-- migrate:downgrade
ALTER POLICY notes_u ON public.notes WITH CHECK ((owner = CURRENT_USER));

