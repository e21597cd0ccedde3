-- migrate:revision 000000000015
-- migrate:message set-not-null nolint

-- migrate:upgrade
-- migrate:nolint set-not-null users has 200 rows; the scan takes milliseconds
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
