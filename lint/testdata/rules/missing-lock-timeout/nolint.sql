-- migrate:revision 000000000030
-- migrate:message missing-lock-timeout nolint

-- migrate:upgrade
-- migrate:nolint missing-lock-timeout the deploy job sets PGOPTIONS=-c lock_timeout=2s
ALTER TABLE users ADD COLUMN nickname text;

-- migrate:downgrade
SET lock_timeout = '2s';

ALTER TABLE users DROP COLUMN nickname;
