-- migrate:revision 00000000001f
-- migrate:message rename-column fires

-- migrate:upgrade
ALTER TABLE users RENAME COLUMN name TO full_name;

-- migrate:downgrade
-- Renaming back undoes the upgrade.
ALTER TABLE users RENAME COLUMN full_name TO name;
