-- migrate:revision 00000000002f
-- migrate:message missing-lock-timeout safe

-- migrate:upgrade
SET lock_timeout = '3s';

ALTER TABLE users ADD COLUMN nickname text;

CREATE TABLE teams (id bigint);

-- migrate:downgrade
SET LOCAL lock_timeout = 3000;

DROP TABLE teams;

ALTER TABLE users DROP COLUMN nickname;
