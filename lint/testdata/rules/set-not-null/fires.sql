-- migrate:revision 000000000013
-- migrate:message set-not-null fires

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
