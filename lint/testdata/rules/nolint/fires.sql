-- migrate:revision 000000000031
-- migrate:message nolint fires

-- migrate:upgrade
-- migrate:nolint drop-column
ALTER TABLE users DROP COLUMN legacy_name;

-- migrate:nolint drop-colum typo in the rule id
ALTER TABLE users DROP COLUMN other;

ALTER TABLE users ADD COLUMN x text;
-- migrate:nolint drop-column nothing follows

-- migrate:downgrade
