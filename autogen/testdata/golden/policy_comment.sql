-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON POLICY notes_owner ON public.notes IS 'owners see their notes';

-- migrate:downgrade
COMMENT ON POLICY notes_owner ON public.notes IS NULL;

