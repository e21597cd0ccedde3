-- migrate:revision 000000000027
-- migrate:message volatile-default nolint

-- migrate:upgrade
-- migrate:nolint volatile-default users holds a few hundred rows
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- migrate:downgrade
ALTER TABLE users DROP COLUMN token;
