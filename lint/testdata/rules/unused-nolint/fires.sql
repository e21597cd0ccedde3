-- migrate:revision 000000000033
-- migrate:message unused-nolint fires

-- migrate:upgrade
-- migrate:nolint drop-table the statement below drops a column, not a table
ALTER TABLE users DROP COLUMN legacy_name;

-- migrate:downgrade
