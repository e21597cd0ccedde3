-- migrate:revision 0a1b2c3d4e5f
-- migrate:message policy_alter_roles
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER POLICY notes_read ON public.notes TO app_reader, app_writer;

-- migrate:downgrade
ALTER POLICY notes_read ON public.notes TO app_reader;

