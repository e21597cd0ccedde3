-- migrate:revision 00000000002e
-- migrate:message missing-lock-timeout fires

-- migrate:upgrade
ALTER TABLE users ADD COLUMN nickname text;

ALTER TABLE users ADD COLUMN bio text;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN bio, DROP COLUMN nickname;
