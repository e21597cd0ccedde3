-- migrate:revision 00000000001b
-- migrate:message drop-column nolint

-- migrate:upgrade
-- migrate:nolint drop-column legacy_name is unused since release 4.2 and backed up in legacy_names_2026
ALTER TABLE users DROP COLUMN legacy_name;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN legacy_name text;
