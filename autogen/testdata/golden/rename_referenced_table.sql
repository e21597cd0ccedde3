-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_referenced_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.users to members breaks queries that still use the old name
ALTER TABLE public.users RENAME TO members;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.members to users breaks queries that still use the old name
ALTER TABLE public.members RENAME TO users;

