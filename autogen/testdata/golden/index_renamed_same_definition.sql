-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_renamed_same_definition
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER INDEX public.idx_old RENAME TO idx_new;

-- migrate:downgrade
ALTER INDEX public.idx_new RENAME TO idx_old;

