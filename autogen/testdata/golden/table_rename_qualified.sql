-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rename_qualified
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming app.item to items breaks queries that still use the old name
ALTER TABLE app.item RENAME TO items;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming app.items to item breaks queries that still use the old name
ALTER TABLE app.items RENAME TO item;

