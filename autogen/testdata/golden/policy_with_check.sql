-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_with_check
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER POLICY notes_w ON public.notes WITH CHECK (((owner = CURRENT_USER) AND (body IS NOT NULL)));

-- migrate:downgrade
ALTER POLICY notes_w ON public.notes WITH CHECK ((owner = CURRENT_USER));

