-- migrate:revision 00000000002a
-- migrate:message prefer-timestamptz nolint

-- migrate:upgrade
-- migrate:nolint prefer-timestamptz the feed stores local wall-clock times on purpose
CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL);

-- migrate:downgrade
DROP TABLE events;
