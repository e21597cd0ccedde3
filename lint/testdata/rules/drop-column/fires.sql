-- migrate:revision 000000000019
-- migrate:message drop-column fires

-- migrate:upgrade
ALTER TABLE users DROP COLUMN legacy_name;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN legacy_name text;
