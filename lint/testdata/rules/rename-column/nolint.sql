-- migrate:revision 000000000021
-- migrate:message rename-column nolint

-- migrate:upgrade
-- migrate:nolint rename-column the application reads the column through the users_v view only
ALTER TABLE users RENAME COLUMN name TO full_name;

-- migrate:downgrade
ALTER TABLE users RENAME COLUMN full_name TO name;
