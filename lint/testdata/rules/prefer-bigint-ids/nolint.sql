-- migrate:revision 00000000002d
-- migrate:message prefer-bigint-ids nolint

-- migrate:upgrade
-- migrate:nolint prefer-bigint-ids there are twelve kinds and there will never be more than a few hundred
CREATE TABLE kinds (id smallint PRIMARY KEY, name text);

-- migrate:downgrade
DROP TABLE kinds;
