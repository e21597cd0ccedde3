-- migrate:revision 000000000034
-- migrate:message unused-nolint safe

-- migrate:upgrade
-- migrate:nolint drop-column legacy_name is unused since 4.2
ALTER TABLE users DROP COLUMN legacy_name;

-- migrate:downgrade
